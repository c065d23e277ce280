package org.bangfu.organisation;

import org.bangfu.shared.Role;
import java.time.Instant;

/**
 * An account as the security administrator sees it (never with its password hash). {@code mustChangePassword}: its
 * password was set by the security administrator and has not been changed by its holder yet; {@code version} guards
 * against concurrent edits.
 */
public record UserAccount(long id, String username, String displayName, Role role, Long streetId, Long teamId,
        boolean enabled, int failedAttempts, Instant lockedUntil, Instant lastLoginAt, String phone,
        boolean mustChangePassword, int version) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** What the list shows: disabled before locked before a pending password change. */
    public AccountStatus statusAt(Instant now) {
        if (!enabled) {
            return AccountStatus.DISABLED;
        }
        if (lockedAt(now)) {
            return AccountStatus.LOCKED;
        }
        return mustChangePassword ? AccountStatus.MUST_CHANGE_PASSWORD : AccountStatus.ACTIVE;
    }
}
