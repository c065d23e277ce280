package org.bangfu.household;

import java.util.List;

import org.bangfu.shared.SignedInUser;

/**
 * Which households a person may see and change, as a condition on {@code bf_household h}: a team its own
 * households, a street officer the street's, the district and administrators all, leadership all read-only,
 * auditor and security administrator none. Other modules use it for their own queries on households.
 */
public record HouseholdScope(Kind kind, Long id) {

    public enum Kind {
        ALL, STREET, TEAM, NONE
    }

    public static HouseholdScope of(SignedInUser user) {
        return switch (user.role()) {
            case ADMIN, DISTRICT, LEADER -> new HouseholdScope(Kind.ALL, null);
            case STREET -> new HouseholdScope(Kind.STREET, user.streetId());
            case TEAM_MEMBER, TEAM_LEADER -> new HouseholdScope(Kind.TEAM, user.teamId());
            case AUDITOR, SECURITY -> new HouseholdScope(Kind.NONE, null);
        };
    }

    public String condition() {
        return switch (kind) {
            case ALL -> "1 = 1";
            case STREET -> "h.street_id = ?";
            case TEAM -> "h.team_id = ?";
            case NONE -> "1 = 0";
        };
    }

    public List<Object> parameters() {
        return kind == Kind.STREET || kind == Kind.TEAM ? List.of(id) : List.of();
    }

    public boolean covers(long streetId, Long teamId) {
        return switch (kind) {
            case ALL -> true;
            case STREET -> id.equals(streetId);
            case TEAM -> id.equals(teamId);
            case NONE -> false;
        };
    }
}
