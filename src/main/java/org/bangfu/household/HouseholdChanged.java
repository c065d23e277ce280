package org.bangfu.household;

import java.time.Instant;

/** A household was opened, or its street, team, stage, class or cause may have changed: its facts as they are now. */
public record HouseholdChanged(HouseholdFacts facts, Instant at) {
}
