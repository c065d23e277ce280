package org.bangfu.dashboard;

import org.bangfu.shared.NotFound;

/** No process of that key is deployed. */
class UnknownProcess extends NotFound {

    private static final long serialVersionUID = 1L;

    UnknownProcess(String processKey) {
        super("process " + processKey, "api.notFound");
    }
}
