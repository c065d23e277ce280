package org.bangfu.pairing.ui;

import java.util.List;

import org.bangfu.household.CodeLists;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.pairing.Pairing;
import org.bangfu.pairing.PairingCase;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * 新建个案: a street officer or the district opens the file of a household not yet on record and starts its case in
 * one step, then goes straight to its home check. Refused input stays in the dialog with its messages.
 */
class NewCaseDialog extends Dialog {

    NewCaseDialog(Pairing pairing, PairingTasks tasks, Organisation organisation, CodeLists codes) {
        SignedInUser user = CurrentUser.require();
        setHeaderTitle(getTranslation("case.new.title"));
        setId("new-case-dialog");
        setWidth("min(44rem, 100vw)");
        // a new household is filed only in an active street and village
        List<Street> streets = user.hasRole(Role.DISTRICT) ? organisation.activeStreets()
                : organisation.activeStreets().stream().filter(s -> s.id() == user.streetId()).toList();
        NewCaseForm form = new NewCaseForm(streets, organisation.activeVillages(), codes.items(CodeLists.CAUSE));
        add(new Paragraph(getTranslation("case.new.help")), form);
        form.addSubmitListener(e -> {
            try {
                PairingCase started = pairing.startNew(e.household(), e.head());
                UI ui = UI.getCurrent();
                close();
                tasks.ofHousehold(started.householdId()).stream().findFirst()
                        .ifPresent(task -> ui.navigate("tasks/" + task.taskId()));
            } catch (InvalidInput invalid) {
                form.showErrors(invalid);
            }
        });
        Button start = new Button(getTranslation("case.new.start"), e -> form.submit());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("new-case-start");
        start.setMinHeight("44px");
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setMinHeight("44px");
        getFooter().add(cancel, start);
    }
}
