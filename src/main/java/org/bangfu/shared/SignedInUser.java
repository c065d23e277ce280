package org.bangfu.shared;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in person: who they are, their role and their data scope (street or team).
 * Facades read it to decide what the caller may see and change.
 */
public final class SignedInUser implements UserDetails {

    private final String username;
    private final String displayName;
    private final Role role;
    private final Long streetId;
    private final Long teamId;
    private final transient String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final int sessionEpoch;
    private final boolean passwordChangeRequired;

    public SignedInUser(String username, String displayName, Role role, Long streetId, Long teamId, String passwordHash,
            boolean enabled, boolean locked, int sessionEpoch) {
        this(username, displayName, role, streetId, teamId, passwordHash, enabled, locked, sessionEpoch, false);
    }

    /**
     * @param passwordChangeRequired the password was set by someone else (a new account's initial password, a reset):
     *                               until the person sets their own they may do nothing else
     */
    public SignedInUser(String username, String displayName, Role role, Long streetId, Long teamId, String passwordHash,
            boolean enabled, boolean locked, int sessionEpoch, boolean passwordChangeRequired) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.streetId = streetId;
        this.teamId = teamId;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.sessionEpoch = sessionEpoch;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    /** The account's session epoch when this principal was loaded: a session lives while the account's is the same. */
    public int sessionEpoch() {
        return sessionEpoch;
    }

    /** The same person, for a session that goes on after the account's epoch moved on (own password change). */
    public SignedInUser withSessionEpoch(int epoch) {
        return new SignedInUser(username, displayName, role, streetId, teamId, passwordHash, enabled, locked, epoch,
                passwordChangeRequired);
    }

    /** The same person after they set their own password: the session goes on, with nothing left to change. */
    public SignedInUser withOwnPassword(int epoch) {
        return new SignedInUser(username, displayName, role, streetId, teamId, passwordHash, enabled, locked, epoch,
                false);
    }

    /** Whether this person must change the password someone else set before doing anything else. */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public Long streetId() {
        return streetId;
    }

    public Long teamId() {
        return teamId;
    }

    public boolean hasRole(Role candidate) {
        return role == candidate;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && username.equals(that.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username + " (" + role + ")";
    }
}
