package org.bangfu.pairing;

/** A case, task or notice that does not exist or is outside the caller's scope: the same answer for both. */
public class PairingNotFound extends RuntimeException {

    public PairingNotFound(String what) {
        super(what + " not found");
    }
}
