package org.bangfu.pairing;

import org.bangfu.shared.NotFound;

/** A case, task or notice that does not exist or is outside the caller's scope: the same answer for both. */
public class PairingNotFound extends NotFound {

    public PairingNotFound(String what) {
        super(what, "api.pairing.notFound");
    }
}
