package org.bangfu.organisation;

/** An account's state as the security administrator filters and reads it; labels are {@code accounts.status.NAME}. */
public enum AccountStatus {
    ACTIVE, LOCKED, DISABLED, MUST_CHANGE_PASSWORD
}
