/**
 * The households' electronic files: members, cadres, attachments, code lists, imports and the change history.
 */
@ApplicationModule(allowedDependencies = { "audit", "organisation", "shared", "shell" })
package org.bangfu.household;

import org.springframework.modulith.ApplicationModule;
