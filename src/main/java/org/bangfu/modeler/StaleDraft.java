package org.bangfu.modeler;

/** Someone else saved or decided the draft since it was read: nothing was changed. */
public class StaleDraft extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StaleDraft() {
        super("The draft was changed meanwhile");
    }
}
