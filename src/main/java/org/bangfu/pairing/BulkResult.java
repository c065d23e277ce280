package org.bangfu.pairing;

import java.util.List;

/**
 * What a bulk claim or hand-over did: how many tasks it took, and for each task it could not take why (as a
 * message key with its arguments, e.g. held by someone else meanwhile). Each task is its own transaction.
 */
public record BulkResult(int done, List<Failure> failed) {

    public record Failure(String taskId, String messageKey, List<Object> arguments) {
    }
}
