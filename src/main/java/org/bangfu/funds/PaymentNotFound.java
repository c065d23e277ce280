package org.bangfu.funds;

/** A payment batch that does not exist (404). */
public class PaymentNotFound extends RuntimeException {

    public PaymentNotFound(String what) {
        super(what + " not found");
    }
}
