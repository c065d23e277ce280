package org.bangfu.pairing;

/** Someone of the same task group a task can be handed over to. */
public record Colleague(String username, String displayName) {
}
