package org.bangfu.dashboard;

import java.util.List;

import org.bangfu.dashboard.Overview.StepLoad;

/**
 * A deployed process as a map of its load (流程热力图): for each step with cases waiting, how many, how many past due
 * and the median wait, and the step's load between 0 and 1 (its waiting cases against the busiest step's).
 */
public record ProcessMap(String processKey, String name, DashboardFilter filter, List<StepHeat> steps) {

    public record StepHeat(StepLoad load, double heat) {
    }

    /** A deployed process a map can be drawn of. */
    public record Process(String key, String name) {
    }
}
