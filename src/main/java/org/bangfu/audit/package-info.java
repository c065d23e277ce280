/**
 * The audit log: who did what and when, written by every module, read by the auditor.
 */
@ApplicationModule(allowedDependencies = { "shared", "shell" })
package org.bangfu.audit;

import org.springframework.modulith.ApplicationModule;
