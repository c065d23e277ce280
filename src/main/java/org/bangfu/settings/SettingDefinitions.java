package org.bangfu.settings;

import java.util.List;

/**
 * The extension point through which a module contributes the settings it owns: one bean per module. The settings
 * module lists, checks, stores and answers them, knowing nothing of what they mean.
 */
public interface SettingDefinitions {

    /** This module's settings, in the order they are listed within their group. */
    List<SettingDefinition> settingDefinitions();
}
