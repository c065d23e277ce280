package org.bangfu.pairing.ui;

import java.time.LocalDate;
import java.util.List;

import org.bangfu.household.HouseholdFile;
import org.bangfu.household.StaleHousehold;
import org.bangfu.organisation.Team;
import org.bangfu.pairing.TeamMove;
import org.bangfu.pairing.TeamMoves;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shell.DateField;
import org.bangfu.shell.FieldErrors;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.function.SerializableRunnable;

/**
 * The district's decision to move a household to another team: the team by name, the reason and the date of the
 * decision. What the facade refuses stays in the dialog on its field; {@code moved} runs once the move is saved.
 */
class TeamMoveDialog extends Dialog {

    TeamMoveDialog(TeamMoves moves, HouseholdFile file, LocalDate today, SerializableRunnable moved) {
        setHeaderTitle(getTranslation("teamMove.title"));
        setId("team-move-dialog");
        setWidth("min(32rem, 100vw)");
        ComboBox<Team> team = new ComboBox<>(getTranslation("teamMove.team"));
        team.setId("team-move-team");
        team.setItems(moves.choices(file));
        team.setItemLabelGenerator(Team::name);
        team.setWidthFull();
        TextArea reason = new TextArea(getTranslation("teamMove.reason"));
        reason.setId("team-move-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        DatePicker date = new DateField(getTranslation("teamMove.date"), today);
        date.setId("team-move-date");
        date.setMax(today);
        date.setWidthFull();
        Paragraph general = FieldErrors.general("team-move-errors");
        VerticalLayout form = new VerticalLayout(
                new Paragraph(getTranslation("teamMove.current", file.teamName())), team, reason, date, general);
        form.setPadding(false);
        add(form);
        List<HasValidation> fields = List.of(team, reason, date);
        Button save = new Button(getTranslation("teamMove.save"), e -> {
            try {
                TeamMove move = moves.move(file.id(), team.getValue() == null ? null : team.getValue().id(),
                        reason.getValue(), date.getValue(), file.version());
                Notification.show(getTranslation("teamMove.done", move.toTeamName()), 5000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                moved.run();
            } catch (InvalidInput invalid) {
                FieldErrors.show(this, invalid, fields, name -> switch (name) {
                    case "teamId" -> team;
                    case "reason" -> reason;
                    case "date" -> date;
                    default -> null;
                }, general);
            } catch (StaleHousehold stale) {
                general.setText(getTranslation("teamMove.stale"));
                general.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("team-move-save");
        save.setMinHeight("44px");
        Button cancel = new Button(getTranslation("teamMove.cancel"), e -> close());
        cancel.setMinHeight("44px");
        getFooter().add(cancel, save);
    }
}
