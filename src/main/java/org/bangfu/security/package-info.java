/**
 * Signing in and out, sessions, API tokens and the rules every request passes.
 */
@ApplicationModule(allowedDependencies = { "audit", "organisation", "shared", "shell" })
package org.bangfu.security;

import org.springframework.modulith.ApplicationModule;
