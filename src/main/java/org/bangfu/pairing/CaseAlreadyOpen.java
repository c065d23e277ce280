package org.bangfu.pairing;

/** The household already has an open case: a second one is refused. */
public class CaseAlreadyOpen extends RuntimeException {

    private final long caseId;

    public CaseAlreadyOpen(long caseId) {
        super("case " + caseId + " is open");
        this.caseId = caseId;
    }

    public long caseId() {
        return caseId;
    }
}
