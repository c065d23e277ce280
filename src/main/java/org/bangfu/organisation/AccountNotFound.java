package org.bangfu.organisation;

import org.bangfu.shared.NotFound;

/** No account has this id (REST: 404). */
class AccountNotFound extends NotFound {

    AccountNotFound(long id) {
        super("account " + id, "accounts.notFound");
    }
}
