package org.bangfu.pairing;

/** A waiting step is no longer waiting: completed, or ended with its case. */
public record StepClosed(String taskId) {
}
