package org.bangfu.pairing.ui;

import java.time.Clock;
import java.time.LocalDate;

import org.bangfu.pairing.Notice;
import org.bangfu.pairing.Notices;
import org.bangfu.shared.InvalidInput;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.function.SerializableRunnable;

/**
 * Records an objection to a notice: during the period it opens the re-check, while a re-check runs it joins it.
 * Invalid input stays in the dialog with its messages; {@code saved} runs once it is recorded.
 */
class ObjectionDialog extends Dialog {

    ObjectionDialog(Notices notices, Notice notice, Clock clock, SerializableRunnable saved) {
        setHeaderTitle(getTranslation("objection.record.title", notice.headName()));
        setId("objection-dialog");
        setWidth("min(40rem, 100vw)");
        ObjectionForm form = new ObjectionForm(LocalDate.now(clock));
        add(new Paragraph(getTranslation("objection.record.help")), form);
        form.addSaveListener(e -> {
            try {
                notices.raiseObjection(notice.id(), e.draft());
                Notification.show(getTranslation("objection.record.saved"), 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                saved.run();
            } catch (InvalidInput invalid) {
                form.showErrors(invalid);
            }
        });
        Button save = new Button(getTranslation("objection.record.save"), e -> form.save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("objection-save");
        save.setMinHeight("44px");
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setMinHeight("44px");
        getFooter().add(cancel, save);
    }
}
