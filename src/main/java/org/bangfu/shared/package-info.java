/**
 * What every module shares: money, time in the bureau's zone, the signed-in user, the error model and texts.
 */
@ApplicationModule(allowedDependencies = {})
package org.bangfu.shared;

import org.springframework.modulith.ApplicationModule;
