package org.bangfu.modeler;

import java.util.List;

/**
 * Moving running cases from one version of a process to another, as Camunda's migration API would do it, shown step
 * by step before anything moves.
 *
 * @param steps    each step of the source version with cases and where they go (target null: nowhere, they stay)
 * @param movable  the cases that can move: every step they wait at is mapped
 * @param staying  the cases that stay on their version, with the steps that have no counterpart
 * @param problems what the engine's validation of the plan says (in its words); nothing moves while any remain
 */
public record Migration(String sourceId, int sourceVersion, String targetId, int targetVersion, List<Step> steps,
        List<Case> movable, List<Case> staying, List<String> problems) {

    public record Step(String sourceStepId, String sourceStepName, String targetStepId, String targetStepName,
            long cases) {
    }

    /** A running case: its process instance, the household's file number and head, the steps it waits at (names). */
    public record Case(String processInstanceId, String fileNo, String householdName, List<String> steps) {
    }

    /** How a migration batch stands; {@code done} once the engine has finished it. */
    public record Progress(String batchId, int total, int completed, int failed, boolean done, long stillOnSource) {
    }

    /** The running cases at steps a change alters or removes, per step (for the impact before deploying). */
    public record Impact(List<ImpactedStep> steps) {

        public long cases() {
            return steps.stream().mapToLong(ImpactedStep::cases).sum();
        }
    }

    public record ImpactedStep(String stepId, String stepName, ModelDiff.Kind kind, int version, long cases) {
    }
}
