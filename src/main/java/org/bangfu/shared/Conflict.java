package org.bangfu.shared;

import java.util.Map;

/**
 * A change that clashes with what happened meanwhile (a task someone else claimed, a case already open, a batch
 * already running); nothing was changed. 409 over REST, with {@link #messageKey()} in the caller's language and
 * {@link #properties()} beside it.
 */
public abstract class Conflict extends WordedError {

    protected Conflict(String what, String messageKey, Object... arguments) {
        super(what, messageKey, arguments);
    }

    /** What the REST answer names beside the message, for a program to act on (the open case, say). */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
