/**
 * The process library in the browser: drafts, checks, four-eyes approval, deployment, migration and rollback.
 */
@ApplicationModule(allowedDependencies = { "audit", "engine", "household", "organisation", "shared", "shell" })
package org.bangfu.modeler;

import org.springframework.modulith.ApplicationModule;
