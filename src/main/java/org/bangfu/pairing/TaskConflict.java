package org.bangfu.pairing;

import org.bangfu.shared.Conflict;

/**
 * The task changed under the caller: someone completed it meanwhile, or holds it. Nothing was changed; the
 * message key says which ({@code task.alreadyDone}, {@code task.claimedByOther}).
 */
public class TaskConflict extends Conflict {

    public TaskConflict(String messageKey, Object... arguments) {
        super(messageKey, messageKey, arguments);
    }
}
