package org.bangfu.shared;

/**
 * Something the caller named that does not exist for them: not there at all, outside their scope, or a child named
 * under a parent it does not belong to. All three answer alike (404 over REST, with {@link #messageKey()} in the
 * caller's language), so that nobody learns from the answer what exists elsewhere.
 */
public abstract class NotFound extends WordedError {

    protected NotFound(String what, String messageKey, Object... arguments) {
        super(what + " not found", messageKey, arguments);
    }
}
