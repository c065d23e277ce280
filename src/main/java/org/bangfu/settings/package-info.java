/**
 * The bureau's settings: values the administrators change at run time, with their history.
 */
@ApplicationModule(allowedDependencies = { "audit", "organisation", "shared", "shell" })
package org.bangfu.settings;

import org.springframework.modulith.ApplicationModule;
