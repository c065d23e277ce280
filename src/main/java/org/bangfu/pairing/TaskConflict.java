package org.bangfu.pairing;

/**
 * The task changed under the caller: someone completed it meanwhile, or holds it. Nothing was changed; the
 * message key says which ({@code task.alreadyDone}, {@code task.claimedByOther}).
 */
public class TaskConflict extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public TaskConflict(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
