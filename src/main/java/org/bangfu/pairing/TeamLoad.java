package org.bangfu.pairing;

/** A team and how many households it assists now (its caseload). */
public record TeamLoad(long id, String name, Long streetId, int caseload) {
}
