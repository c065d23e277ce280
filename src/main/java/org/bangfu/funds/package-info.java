/**
 * Assistance funds: requests, approvals, payments to the bank and the ledger.
 */
@ApplicationModule(allowedDependencies = {
        "audit", "engine", "household", "organisation", "pairing", "settings", "shared", "shell", "tasks" })
package org.bangfu.funds;

import org.springframework.modulith.ApplicationModule;
