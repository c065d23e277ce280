package org.bangfu.pairing;

import java.util.Map;

import org.bangfu.shared.Conflict;

/** The household already has an open case: a second one is refused. */
public class CaseAlreadyOpen extends Conflict {

    private final long caseId;

    public CaseAlreadyOpen(long caseId) {
        super("case " + caseId + " is open", "pairing.start.alreadyOpen");
        this.caseId = caseId;
    }

    public long caseId() {
        return caseId;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("caseId", caseId);
    }
}
