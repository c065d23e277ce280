package org.bangfu.handbook.ui;

import java.time.LocalDate;

import org.bangfu.handbook.StaleHandbookEntry;
import org.bangfu.handbook.Visit;
import org.bangfu.handbook.Visits;
import org.bangfu.household.Attachments;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * Records a visit, or saves one again, in a dialog that fills a phone's screen: the visit form with its camera
 * photos and the head of household's signature. Refused input stays in the form with its messages; a visit someone
 * else saved meanwhile is not overwritten.
 */
class VisitDialog extends Dialog {

    VisitDialog(Visits visits, Attachments attachments, long householdId, String headName, Visit visit,
            LocalDate today, Runnable saved) {
        setHeaderTitle(getTranslation(visit == null ? "handbook.visit.add" : "handbook.visit.edit") + " · " + headName);
        setWidth("min(52rem, 100vw)");
        setMaxHeight("100vh");
        int maxBytes = (int) attachments.maxSize().toBytes();
        VisitForm form = new VisitForm(today, visits.backdateDays(), CurrentUser.require().displayName(),
                attachments.uploader(householdId, Attachments.Kind.VISIT_PHOTO),
                attachments.uploader(householdId, Attachments.Kind.VISIT_PHOTO), maxBytes);
        if (visit != null) {
            form.setVisit(visit, today, visits.backdateDays());
        }
        Button save = new Button(getTranslation("action.save"), e -> form.read(filled -> {
            try {
                if (visit == null) {
                    visits.record(householdId, filled.draft(), filled.signature());
                } else {
                    visits.revise(householdId, visit.id(), visit.version(), filled.draft(), filled.signature());
                }
                close();
                Notification.show(getTranslation("handbook.visit.saved"), 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                saved.run();
            } catch (InvalidInput invalid) {
                form.showErrors(invalid);
            } catch (StaleHandbookEntry stale) {
                close();
                Notification.show(getTranslation("handbook.stale"), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                saved.run();
            }
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("visit-save");
        save.setMinHeight("48px");
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setMinHeight("48px");
        add(form);
        getFooter().add(cancel, save);
    }
}
