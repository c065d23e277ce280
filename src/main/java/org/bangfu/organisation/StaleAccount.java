package org.bangfu.organisation;

import org.bangfu.shared.StaleVersion;

/** Someone changed the account since the caller read it: nothing was saved (REST: 409). */
public class StaleAccount extends StaleVersion {

    StaleAccount(long id) {
        super("account " + id, "accounts.stale", null);
    }
}
