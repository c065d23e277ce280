package org.bangfu.modeler.ui;

import java.util.List;

import org.bangfu.modeler.Migration;
import org.bangfu.modeler.Migration.Case;
import org.bangfu.modeler.Migration.Progress;
import org.bangfu.modeler.Migration.Step;
import org.bangfu.modeler.Migrations;
import org.bangfu.modeler.ModelChangeRefused;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;

/**
 * The migration of one version's running cases to another: the plan step by step (where each step's cases go), the
 * engine's objections, the cases that can move (chosen by the administrator) and those that stay with the reason;
 * then the batch's progress until it is done. Nothing moves until the administrator presses the button.
 */
class MigrationPanel extends VerticalLayout {

    private final Migrations migrations;
    private final String sourceId;
    private final String targetId;
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Paragraph status = new Paragraph();
    private Registration polling;

    MigrationPanel(Migrations migrations, String sourceId, String targetId) {
        this.migrations = migrations;
        this.sourceId = sourceId;
        this.targetId = targetId;
        setId("migration-panel");
        setPadding(false);
        show();
    }

    private void show() {
        removeAll();
        Migration plan = migrations.plan(sourceId, targetId);
        add(new H4(getTranslation("modeler.migration.title", plan.sourceVersion(), plan.targetVersion())));

        Grid<Step> steps = new Grid<>();
        steps.setId("migration-steps");
        steps.addColumn(s -> s.sourceStepName()).setHeader(getTranslation("modeler.migration.from", plan.sourceVersion()));
        steps.addColumn(s -> s.targetStepName() == null ? getTranslation("modeler.migration.nowhere") : s.targetStepName())
                .setHeader(getTranslation("modeler.migration.to", plan.targetVersion()));
        steps.addColumn(Step::cases).setHeader(getTranslation("modeler.library.running"));
        ResponsiveGrid.of(steps, "modeler.migration.steps.empty").card(s -> ResponsiveGrid.card(s.sourceStepName(),
                "→ " + (s.targetStepName() == null ? getTranslation("modeler.migration.nowhere") : s.targetStepName()),
                getTranslation("modeler.library.running") + " " + s.cases()));
        steps.setItems(plan.steps());
        steps.setAllRowsVisible(true);
        add(steps);

        if (!plan.problems().isEmpty()) {
            UnorderedList problems = new UnorderedList();
            plan.problems().forEach(p -> problems.add(new ListItem(p)));
            add(new Paragraph(getTranslation("modeler.migration.problems")), problems);
        }
        if (!plan.staying().isEmpty()) {
            UnorderedList staying = new UnorderedList();
            staying.setId("migration-staying");
            plan.staying().forEach(c -> staying.add(new ListItem(getTranslation("modeler.migration.stays", label(c),
                    String.join("、", c.steps())))));
            add(new Paragraph(getTranslation("modeler.migration.stayingIntro", plan.staying().size())), staying);
        }
        if (plan.movable().isEmpty()) {
            add(new Paragraph(getTranslation("modeler.migration.noneMovable")));
            return;
        }
        Grid<Case> movable = new Grid<>();
        movable.setId("migration-cases");
        movable.setSelectionMode(Grid.SelectionMode.MULTI);
        movable.addColumn(MigrationPanel::label).setHeader(getTranslation("modeler.migration.case"));
        movable.addColumn(c -> String.join("、", c.steps())).setHeader(getTranslation("modeler.migration.at"));
        ResponsiveGrid.of(movable, "modeler.migration.noneMovable")
                .card(c -> ResponsiveGrid.card(label(c), String.join("、", c.steps())));
        movable.setItems(plan.movable());
        movable.setAllRowsVisible(plan.movable().size() <= 20);
        Button run = new Button(getTranslation("modeler.migration.run"), e -> {
            List<String> ids = movable.getSelectedItems().stream().map(Case::processInstanceId).toList();
            if (ids.isEmpty()) {
                Notification.show(getTranslation("modeler.migration.chooseCases"), 4000, Notification.Position.MIDDLE);
                return;
            }
            try {
                follow(migrations.migrate(sourceId, targetId, ids), ids);
            } catch (ModelChangeRefused refused) {
                Notification.show(getTranslation(refused.key(), refused.args()), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                show();
            }
        });
        run.setId("migration-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("modeler.migration.movableIntro", plan.movable().size())), movable, run);
    }

    private void follow(String batchId, List<String> ids) {
        removeAll();
        bar.setId("migration-progress");
        status.setId("migration-status");
        add(new H4(getTranslation("modeler.migration.running")), bar, status);
        Runnable update = () -> {
            Progress p = migrations.progress(batchId, sourceId, ids);
            bar.setValue(p.total() == 0 ? 1 : (double) p.completed() / p.total());
            if (p.done()) {
                status.setText(getTranslation("modeler.migration.done", ids.size() - p.stillOnSource(), p.stillOnSource()));
                stopPolling();
            } else {
                status.setText(getTranslation("modeler.migration.progress", p.completed(), p.total(), p.failed()));
            }
        };
        update.run();
        getUI().ifPresent(ui -> {
            ui.setPollInterval(1000);
            polling = ui.addPollListener(e -> update.run());
        });
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling();
        super.onDetach(detachEvent);
    }

    private static String label(Case c) {
        return (c.householdName() == null ? "" : c.householdName() + " ") + (c.fileNo() == null ? c.processInstanceId() : c.fileNo());
    }
}
