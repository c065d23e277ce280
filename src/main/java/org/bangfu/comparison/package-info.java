/**
 * Other agencies' data and the cross-check of a household against it: rules, reports, warnings, batches.
 */
@ApplicationModule(allowedDependencies = { "audit", "household", "organisation", "shared", "shell" })
package org.bangfu.comparison;

import org.springframework.modulith.ApplicationModule;
