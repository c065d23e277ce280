package org.bangfu.handbook;

/**
 * How the head of household confirmed a visit or a result: a signature drawn on the team member's screen, or a
 * photo of the signed paper (both kept as attachments of the file); a visit by phone cannot be signed.
 */
public enum Confirmation {
    SIGNATURE, PAPER, NONE
}
