package org.bangfu.handbook;

import java.time.Period;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * How often a household in assistance is visited: the interval of its periodic review once one is scheduled,
 * otherwise what ReviewFrequencyDecision says for its class (特困户 every quarter, 低保户 every half year, 一般户 every
 * year, as an administrator set the table), so that a household is due as often before its pairing completes as after.
 */
@Component
class VisitIntervals {

    private final DecisionService decisions;

    VisitIntervals(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The scheduled {@code interval} (ISO-8601) if there is one, else the decision's for {@code householdClass}. */
    Period of(String interval, String householdClass) {
        return Period.parse(interval != null ? interval : decided(householdClass));
    }

    private String decided(String householdClass) {
        return decisions.evaluateDecisionTableByKey("ReviewFrequencyDecision",
                Variables.createVariables().putValue(ReviewVariables.HOUSEHOLD_ATTRIBUTE, householdClass))
                .getSingleResult().getSingleEntry();
    }
}
