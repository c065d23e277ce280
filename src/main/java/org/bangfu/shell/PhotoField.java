package org.bangfu.shell;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableBiFunction;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Photos taken on a step or a visit (on a phone: straight from the camera). Each photo is stored as the household's
 * attachment as soon as it is uploaded; the field's value is the list of their ids, which the form sends.
 */
public class PhotoField extends CustomField<List<String>> {

    /** Stores one photo and answers its attachment id; refuses with {@link Refused} (type, size). */
    public interface Uploader extends SerializableBiFunction<String, byte[], String> {
    }

    /** A photo the uploader would not keep, with the message key (and its arguments) that says why. */
    public static class Refused extends RuntimeException {

        private final String messageKey;
        private final transient Object[] arguments;

        public Refused(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }
    }

    private final List<Photo> photos = new ArrayList<>();
    private final FlexLayout list = new FlexLayout();
    private final Upload upload = new Upload();
    private Uploader uploader;

    private record Photo(String id, String name) {
    }

    public PhotoField(String label) {
        setLabel(label);
        list.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        list.getStyle().set("gap", "var(--lumo-space-s)");
        // JPEG and PNG only: what Bangfu can decode and print; asked for these, a phone's camera sends a JPEG (an
        // iPhone converts its HEIC photos)
        upload.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
        upload.setMaxFiles(20);
        upload.setVisible(false);
        VerticalLayout content = new VerticalLayout(list, upload);
        content.setPadding(false);
        content.setSpacing(false);
        add(content);
    }

    /** Where photos go; without one the field only shows what it holds. */
    public void setUploader(Uploader uploader, int maxBytes) {
        this.uploader = uploader;
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            try {
                String id = this.uploader.apply(metadata.fileName(), bytes);
                ui.access(() -> add(id, metadata.fileName()));
            } catch (Refused refused) {
                ui.access(() -> {
                    setErrorMessage(getTranslation(refused.messageKey, refused.arguments));
                    setInvalid(true);
                });
            }
        }));
        upload.setMaxFileSize(maxBytes);
        upload.setI18n(UploadTexts.of(this, getTranslation("attachment.tooLarge", maxBytes / (1024 * 1024))));
        upload.setVisible(true);
    }

    public Upload upload() {
        return upload;
    }

    /** A photo stored meanwhile joins the field's value. */
    public void add(String id, String name) {
        photos.add(new Photo(id, name));
        setInvalid(false);
        show();
        updateValue();
    }

    private void show() {
        list.removeAll();
        for (Photo photo : List.copyOf(photos)) {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                photos.remove(photo);
                show();
                updateValue();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            remove.setAriaLabel(getTranslation("task.photo.remove", photo.name()));
            Span chip = new Span(VaadinIcon.PICTURE.create(), new Span(photo.name()), remove);
            chip.getElement().getThemeList().add("badge contrast");
            list.add(chip);
        }
    }

    @Override
    protected List<String> generateModelValue() {
        return photos.stream().map(Photo::id).toList();
    }

    @Override
    protected void setPresentationValue(List<String> ids) {
        photos.clear();
        if (ids != null) {
            ids.forEach(id -> photos.add(new Photo(id, "#" + id)));
        }
        show();
    }
}
