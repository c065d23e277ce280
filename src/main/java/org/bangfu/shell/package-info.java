/**
 * The screens' frame: layout, navigation, language, and the components every view is built from.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package org.bangfu.shell;

import org.springframework.modulith.ApplicationModule;
