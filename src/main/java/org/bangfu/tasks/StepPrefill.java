package org.bangfu.tasks;

import java.util.Map;

/**
 * What another module already recorded that a step asks for (the visit a team recorded in 走访, for the first visit
 * and plan), so that the step's form offers it instead of asking twice; the person checks it and may change it.
 */
public interface StepPrefill {

    /** Values for the form of {@code step} by field name, as the form sends them (dates as ISO text); empty if none. */
    Map<String, Object> values(TaskStep step);
}
