package org.bangfu.modeler;

import org.bangfu.shared.StaleVersion;

/** Someone else saved or decided the draft since it was read: nothing was changed. */
public class StaleDraft extends StaleVersion {

    private static final long serialVersionUID = 1L;

    StaleDraft() {
        super("the draft", "modeler.stale", null);
    }
}
