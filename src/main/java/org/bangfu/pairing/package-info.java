/**
 * The assistance procedure: a household's case through reviews, notices, the cross-check, filing and pairing with a
 * team, and the task list.
 */
@ApplicationModule(allowedDependencies = {
        "audit", "calendar", "comparison", "comparison :: ui", "household", "organisation", "settings", "shared",
        "shell", "tasks" })
package org.bangfu.pairing;

import org.springframework.modulith.ApplicationModule;
