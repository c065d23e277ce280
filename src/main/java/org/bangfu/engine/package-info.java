/**
 * The Camunda engine's configuration: the deployment gate, history and the jobs it runs.
 */
@ApplicationModule(allowedDependencies = { "audit", "shared" })
package org.bangfu.engine;

import org.springframework.modulith.ApplicationModule;
