package org.bangfu.organisation;

import org.bangfu.shared.Role;
import java.time.Instant;

/** An account as the security administrator sees it (never with its password hash). */
public record UserAccount(long id, String username, String displayName, Role role, Long streetId, Long teamId,
        boolean enabled, int failedAttempts, Instant lockedUntil, Instant lastLoginAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
