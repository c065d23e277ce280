package org.bangfu.settings;

import org.bangfu.shared.StaleVersion;

/** The setting was changed by someone else since the caller read it: nothing was changed. */
public class StaleSetting extends StaleVersion {

    StaleSetting(String key, int currentVersion) {
        super("setting " + key, "setting.stale", currentVersion);
    }
}
