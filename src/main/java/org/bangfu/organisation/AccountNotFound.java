package org.bangfu.organisation;

/** No account has this id (REST: 404). */
public class AccountNotFound extends RuntimeException {

    AccountNotFound(long id) {
        super("no account " + id);
    }
}
