package org.bangfu.shell;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

/** The upload component's own texts (buttons, drop zone, errors, progress) in the person's language. */
public final class UploadTexts {

    private UploadTexts() {
    }

    /** The texts, translated through {@code component}; {@code tooLarge} is the message for a file over the limit. */
    public static UploadI18N of(Component component, String tooLarge) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(component.getTranslation("attachment.add"))
                .setMany(component.getTranslation("attachment.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(component.getTranslation("attachment.drop"))
                .setMany(component.getTranslation("attachment.drop")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(component.getTranslation("attachment.tooMany"))
                .setFileIsTooBig(tooLarge).setIncorrectFileType(component.getTranslation("attachment.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(component.getTranslation("attachment.connecting"))
                        .setHeld(component.getTranslation("attachment.held"))
                        .setProcessing(component.getTranslation("attachment.processing")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(component.getTranslation("attachment.remaining"))
                        .setUnknown(component.getTranslation("attachment.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(component.getTranslation("attachment.serverError"))
                        .setUnexpectedServerError(component.getTranslation("attachment.serverError"))
                        .setForbidden(component.getTranslation("attachment.serverError"))));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return i18n;
    }
}
