/**
 * The assistance handbook: visits, the plan and its measures, results, periodic reviews and exit.
 */
@ApplicationModule(allowedDependencies = {
        "audit", "funds", "household", "organisation", "pairing", "settings", "shared", "shell", "tasks" })
package org.bangfu.handbook;

import org.springframework.modulith.ApplicationModule;
