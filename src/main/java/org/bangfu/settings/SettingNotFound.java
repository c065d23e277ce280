package org.bangfu.settings;

import org.bangfu.shared.NotFound;

/** No setting has this key. */
class SettingNotFound extends NotFound {

    SettingNotFound(String key) {
        super("setting " + key, "setting.notFound");
    }
}
