/**
 * Leadership's view: a read model of counts, flows and money fed by the other modules' events, and its reports.
 */
@ApplicationModule(allowedDependencies = {
        "funds", "handbook", "household", "organisation", "pairing", "shared", "shell" })
package org.bangfu.dashboard;

import org.springframework.modulith.ApplicationModule;
