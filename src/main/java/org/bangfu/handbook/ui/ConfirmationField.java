package org.bangfu.handbook.ui;

import java.util.List;

import org.bangfu.handbook.Confirmation;
import org.bangfu.shell.PhotoField;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * How the head of household confirms: a signature on the screen, a photo of the signed paper, or (where allowed)
 * nothing. An entry saved again keeps its confirmation unless a new one is given.
 */
class ConfirmationField extends Composite<VerticalLayout> {

    /** What the field holds when the form is sent: a kept attachment, or a signature just drawn (a PNG). */
    record Given(Confirmation confirmation, Long attachmentId, byte[] signature) {
    }

    private final RadioButtonGroup<Confirmation> choice = new RadioButtonGroup<>();
    private final SignaturePad pad;
    private final PhotoField paper;
    private final Span kept = new Span();
    private Confirmation keptKind;
    private Long keptId;

    ConfirmationField(List<Confirmation> allowed, PhotoField.Uploader uploader, int maxBytes) {
        choice.setLabel(getTranslation("handbook.confirmation"));
        choice.setItems(allowed);
        choice.setItemLabelGenerator(c -> getTranslation("handbook.confirmation." + c.name()));
        choice.setId("confirmation-choice");
        pad = new SignaturePad(getTranslation("handbook.signature.hint"));
        paper = new PhotoField(getTranslation("handbook.confirmation.paperPhoto"));
        paper.setUploader(uploader, maxBytes);
        paper.setId("confirmation-paper");
        kept.getStyle().set("color", "var(--lumo-success-text-color)");
        choice.addValueChangeListener(e -> show());
        VerticalLayout content = getContent();
        content.setPadding(false);
        content.setSpacing(false);
        content.add(choice, kept, pad, paper);
        choice.setValue(allowed.get(0));
    }

    /** The confirmation the entry has: kept unless another is chosen or a new signature drawn. */
    void keep(Confirmation confirmation, Long attachmentId) {
        keptKind = confirmation;
        keptId = attachmentId;
        choice.setValue(confirmation);
        show();
    }

    private void show() {
        Confirmation chosen = choice.getValue();
        boolean keeping = chosen != null && chosen == keptKind && keptId != null;
        kept.setText(keeping ? getTranslation("handbook.confirmation.kept") : "");
        kept.setVisible(keeping);
        pad.setVisible(chosen == Confirmation.SIGNATURE);
        paper.setVisible(chosen == Confirmation.PAPER);
    }

    /** Hands what was given to {@code then}, once the drawing (if any) is read from the browser. */
    void read(SerializableConsumer<Given> then) {
        Confirmation chosen = choice.getValue();
        Long keptHere = chosen == keptKind ? keptId : null;
        if (chosen == Confirmation.SIGNATURE) {
            pad.read(png -> then.accept(new Given(chosen, png == null ? keptHere : null, png)));
        } else if (chosen == Confirmation.PAPER) {
            List<String> photos = paper.getValue();
            then.accept(new Given(chosen, photos == null || photos.isEmpty() ? keptHere
                    : Long.valueOf(photos.get(photos.size() - 1)), null));
        } else {
            then.accept(new Given(chosen, null, null));
        }
    }

    void showError(String message) {
        choice.setErrorMessage(message);
        choice.setInvalid(true);
    }

    void clearError() {
        choice.setInvalid(false);
    }
}
