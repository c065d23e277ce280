package org.bangfu.funds;

import org.bangfu.shared.NotFound;

/** A payment batch that does not exist (404). */
class PaymentNotFound extends NotFound {

    public PaymentNotFound(String what) {
        super(what, "api.notFound");
    }
}
