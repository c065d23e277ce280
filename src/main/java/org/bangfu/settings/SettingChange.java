package org.bangfu.settings;

import java.time.Instant;

/** One change of a setting: the version it made, the values before and after, who (display name), when and why. */
public record SettingChange(String key, int version, String oldValue, String newValue, String changedBy,
        Instant changedAt, String reason) {
}
