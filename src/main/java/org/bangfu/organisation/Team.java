package org.bangfu.organisation;

import java.util.List;

/**
 * An assistance team (帮扶小组) and the streets it serves. {@code streetId} is its home street, the first of
 * {@code streetIds}; it helps propose the team for households nearby. A deactivated team stays readable (history
 * names it) but is offered for nothing new; {@code version} counts its saved changes.
 */
public record Team(long id, String code, String name, Long streetId, List<Long> streetIds, boolean active,
        int version) {

    public Team {
        streetIds = List.copyOf(streetIds);
    }

    /** An active team serving only its home street, as first saved. */
    public Team(long id, String code, String name, Long streetId) {
        this(id, code, name, streetId, streetId == null ? List.of() : List.of(streetId), true, 0);
    }

    /** Whether the team serves the street. */
    public boolean serves(long street) {
        return streetIds.contains(street);
    }
}
