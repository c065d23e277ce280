/**
 * Streets, villages, teams and the people who work in them, with their accounts.
 */
@ApplicationModule(allowedDependencies = { "audit", "shared", "shell" })
package org.bangfu.organisation;

import org.springframework.modulith.ApplicationModule;
