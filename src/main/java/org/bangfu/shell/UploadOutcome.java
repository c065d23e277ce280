package org.bangfu.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.Upload;

/**
 * What became of a file a person uploaded, shown under the upload: taken, or refused with the reasons. A refused
 * file leaves the upload's list, so no green tick says it was taken and the corrected file can follow at once.
 */
public class UploadOutcome extends Div {

    private final Upload upload;

    public UploadOutcome(Upload upload) {
        this.upload = upload;
        addClassName("bf-upload-outcome");
    }

    public void refused(String reasons) {
        upload.clearFileList();
        setText(reasons);
        removeClassName("bf-accepted");
        addClassName("bf-refused");
        getElement().setAttribute("role", "alert");
    }

    public void accepted(String summary) {
        setText(summary);
        removeClassName("bf-refused");
        addClassName("bf-accepted");
        getElement().removeAttribute("role");
    }

    public boolean isRefused() {
        return hasClassName("bf-refused");
    }
}
