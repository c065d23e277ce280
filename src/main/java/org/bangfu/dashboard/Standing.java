package org.bangfu.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bangfu.dashboard.Counters.Delta;
import org.bangfu.household.HouseholdFacts;
import org.bangfu.household.HouseholdStage;

/**
 * A household as the dashboard counts it ({@code bf_dash_household}): its facts and field work, and what it adds to
 * the counters while it stands so. One rule for the live read model and for a rebuild.
 */
record Standing(long householdId, String headName, long streetId, long teamId, HouseholdStage stage, String attribute,
        String mainCause, LocalDate lastVisitedOn, LocalDate visitDueBy, LocalDate reviewDueOn) {

    /** Team 0: no team yet (a counter's key cannot be null). */
    static final long NO_TEAM = 0;
    /** No main cause recorded. */
    static final String NO_CAUSE = "";
    /** Households whose visits and reviews the dashboard follows: a plan is being made or they are assisted. */
    static final Set<HouseholdStage> IN_ASSISTANCE = Set.of(HouseholdStage.PLANNING, HouseholdStage.PAIRED);

    static long team(Long teamId) {
        return teamId == null ? NO_TEAM : teamId;
    }

    static Standing of(HouseholdFacts facts) {
        return new Standing(null, facts);
    }

    private Standing(Standing before, HouseholdFacts facts) {
        this(facts.householdId(), facts.headName(), facts.streetId(), team(facts.teamId()), facts.stage(),
                facts.attribute().name(), facts.mainCause() == null ? NO_CAUSE : facts.mainCause(),
                before == null ? null : before.lastVisitedOn, before == null ? null : before.visitDueBy,
                before == null ? null : before.reviewDueOn);
    }

    Standing with(HouseholdFacts facts) {
        return new Standing(this, facts);
    }

    Standing withFieldWork(LocalDate lastVisitedOn, LocalDate visitDueBy, LocalDate reviewDueOn) {
        return new Standing(householdId, headName, streetId, teamId, stage, attribute, mainCause, lastVisitedOn,
                visitDueBy, reviewDueOn);
    }

    boolean sameStreetAndTeam(Standing other) {
        return other != null && streetId == other.streetId && teamId == other.teamId;
    }

    /** What this household adds to the counters ({@code sign} -1 takes it away again). */
    List<Delta> counts(int sign) {
        List<Delta> deltas = new ArrayList<>();
        deltas.add(new Delta(Counter.HOUSEHOLDS, List.of(streetId, teamId, stage.name(), attribute, mainCause),
                new long[] { sign }));
        if (IN_ASSISTANCE.contains(stage)) {
            if (visitDueBy != null) {
                deltas.add(new Delta(Counter.DUE, List.of("VISIT", visitDueBy, streetId, teamId), new long[] { sign }));
            }
            if (reviewDueOn != null) {
                deltas.add(new Delta(Counter.DUE, List.of("REVIEW", reviewDueOn, streetId, teamId), new long[] { sign }));
            }
        }
        return deltas;
    }

    /** The change to the counters from {@code before} (null: not counted yet) to this standing. */
    List<Delta> changeFrom(Standing before) {
        List<Delta> deltas = new ArrayList<>(counts(1));
        if (before != null) {
            deltas.addAll(before.counts(-1));
        }
        return deltas;
    }
}
