package org.bangfu.shared;

/**
 * An error whose message the caller reads in their language: a key of the bundles and its arguments. The kinds
 * that say what happened ({@link NotFound}, {@link Conflict}) extend it.
 */
public abstract class WordedError extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    protected WordedError(String message, String messageKey, Object... arguments) {
        super(message);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    /** The message the caller reads. */
    public String messageKey() {
        return messageKey;
    }

    /** The message's arguments. */
    public Object[] arguments() {
        return arguments;
    }
}
