package org.bangfu.modeler;

import org.bangfu.shared.NotFound;

/** No process, decision, version or draft has this key or id. */
class UnknownModel extends NotFound {

    private static final long serialVersionUID = 1L;

    UnknownModel(String what) {
        super(what, "modeler.unknown");
    }
}
