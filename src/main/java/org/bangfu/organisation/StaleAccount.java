package org.bangfu.organisation;

/** Someone changed the account since the caller read it: nothing was saved (REST: 409). */
public class StaleAccount extends RuntimeException {

    StaleAccount(long id) {
        super("account " + id + " was changed meanwhile");
    }
}
