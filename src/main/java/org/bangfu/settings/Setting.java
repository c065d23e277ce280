package org.bangfu.settings;

import java.time.Instant;

/**
 * A setting as it stands: its definition, the value in force (the stored one, or the default while never
 * changed), its version (0 while never changed) and the last change: who (display name) and when.
 */
public record Setting(SettingDefinition definition, String value, int version, String changedBy, Instant changedAt) {

    public String key() {
        return definition.key();
    }

    public String defaultValue() {
        return definition.defaultValue();
    }

    public boolean changed() {
        return version > 0;
    }
}
