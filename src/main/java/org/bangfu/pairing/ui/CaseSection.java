package org.bangfu.pairing.ui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdPageSection;
import org.bangfu.pairing.CaseAlreadyOpen;
import org.bangfu.pairing.Notice;
import org.bangfu.pairing.Notices;
import org.bangfu.pairing.Pairing;
import org.bangfu.pairing.PairingCase;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.pairing.TaskRow;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * On a household's page: where its case stands (the open step, its due date, a link to work it), or, for the
 * street's officers and the district, the button that starts a case.
 */
@org.springframework.stereotype.Component
class CaseSection implements HouseholdPageSection {

    private final Pairing pairing;
    private final PairingTasks tasks;
    private final Notices notices;
    private final Clock clock;

    CaseSection(Pairing pairing, PairingTasks tasks, Notices notices, Clock clock) {
        this.pairing = pairing;
        this.tasks = tasks;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public Component create(HouseholdFile file) {
        SignedInUser user = CurrentUser.require();
        HorizontalLayout row = new HorizontalLayout();
        row.setId("household-case");
        row.setAlignItems(Alignment.CENTER);
        row.setWrap(true);
        List<TaskRow> open = tasks.ofHousehold(file.id());
        for (TaskRow task : open) {
            row.add(new Span(row.getTranslation("case.current", row.getTranslation("task." + task.taskKey()),
                    task.dueOn().toString())));
            Anchor go = new Anchor("tasks/" + task.taskId(), row.getTranslation(
                    PairingTasks.mayWork(user, task.candidateGroup(), task.assignee()) ? "case.work" : "case.view"));
            go.setId("household-case-task");
            row.add(go);
        }
        boolean officer = user.hasRole(Role.STREET) || user.hasRole(Role.DISTRICT);
        if (open.isEmpty()) {
            runningNotice(file.id()).ifPresent(notice -> noticeLine(row, notice, officer));
        }
        boolean mayStart = officer && file.editable();
        if (open.isEmpty() && mayStart && Pairing.STARTABLE.contains(file.stage())) {
            Button start = new Button(row.getTranslation("case.start"), VaadinIcon.PLAY.create());
            start.setId("household-case-start");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.setMinHeight("44px");
            start.addClickListener(e -> {
                try {
                    pairing.start(file.id());
                    tasks.ofHousehold(file.id()).stream().findFirst().ifPresent(
                            task -> start.getUI().ifPresent(ui -> ui.navigate("tasks/" + task.taskId())));
                } catch (InvalidInput invalid) {
                    invalid.errors().forEach(error -> Notification.show(
                            row.getTranslation(error.messageKey(), error.arguments()), 6000, Notification.Position.MIDDLE));
                } catch (CaseAlreadyOpen already) {
                    Notification.show(row.getTranslation("pairing.start.alreadyOpen"), 6000, Notification.Position.MIDDLE);
                }
            });
            row.add(start);
        }
        return row.getComponentCount() == 0 ? null : row;
    }

    /** The notice of the household's open case whose period runs (or whose re-check runs), if any. */
    private Optional<Notice> runningNotice(long householdId) {
        return pairing.cases(householdId).stream().filter(c -> c.status() == PairingCase.Status.OPEN).findFirst()
                .flatMap(open -> notices.ofCase(open.id()).stream()
                        .filter(n -> n.status() == Notice.Status.POSTED || n.status() == Notice.Status.OBJECTED)
                        .reduce((first, second) -> second));
    }

    /**
     * While a notice is posted there is no task: the case line shows the period, prints the notice again (one torn
     * down, a second place to post it) and takes objections.
     */
    private void noticeLine(HorizontalLayout row, Notice notice, boolean officer) {
        Span period = new Span(row.getTranslation("case.notice", row.getTranslation("task.notice." + notice.level().name(),
                notice.round()), notice.postedOn().toString(), notice.periodEnd().toString()));
        period.setId("household-case-notice");
        Anchor print = NoticePrint.of(notices, notice, row.getTranslation("task.notice.print"));
        print.setId("household-case-notice-print");
        row.add(period, print);
        if (officer && notice.status() == Notice.Status.POSTED) {
            Button object = new Button(row.getTranslation("objection.record"), VaadinIcon.COMMENT_ELLIPSIS_O.create());
            object.setId("household-case-objection");
            object.setMinHeight("44px");
            object.addClickListener(e -> new ObjectionDialog(notices, notice, clock,
                    () -> object.getUI().ifPresent(ui -> ui.getPage().reload())).open());
            row.add(object);
        }
    }
}
