package org.bangfu.household;

/** Fields masked for everyone and shown in full only on an explicit, audited request. */
public enum SensitiveField {
    ID_NUMBER(true), PHONE(false), BANK_ACCOUNT(false), HEALTH(true), DISABILITY(true);

    private final boolean ofMember;

    SensitiveField(boolean ofMember) {
        this.ofMember = ofMember;
    }

    /** Whether the field belongs to a member (else to the household). */
    public boolean ofMember() {
        return ofMember;
    }
}
