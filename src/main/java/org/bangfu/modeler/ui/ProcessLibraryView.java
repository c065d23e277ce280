package org.bangfu.modeler.ui;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.modeler.Draft;
import org.bangfu.modeler.ModelChangeRefused;
import org.bangfu.modeler.ModelDiff;
import org.bangfu.modeler.ModelEntry;
import org.bangfu.modeler.ModelEntry.Version;
import org.bangfu.modeler.ModelKind;
import org.bangfu.modeler.Migrations;
import org.bangfu.modeler.Modeler;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.Role;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.ProcessDiagram;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

/**
 * 流程管理: every process and decision, its versions (which one new cases use, running cases per version, where each
 * came from), the changes under way, a release's file waiting for a decision; for the chosen one its diagram with the
 * running cases per step, the differences between two versions, and the ways to change it.
 */
@Route(value = "processes", layout = MainLayout.class)
@Menu(title = "nav.processes", order = 90, icon = "vaadin:sitemap")
@RolesAllowed(Role.Names.ADMIN)
public class ProcessLibraryView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final Modeler modeler;
    private final Migrations migrations;
    private final Grid<ModelEntry> models = new Grid<>();
    private final Div detail = new Div();

    public ProcessLibraryView(Modeler modeler, Migrations migrations) {
        this.modeler = modeler;
        this.migrations = migrations;
        setId("process-library");
        addClassName("bf-page");
        Paragraph intro = new Paragraph(getTranslation(modeler.fourEyes() ? "modeler.library.introFourEyes"
                : "modeler.library.intro"));
        models.setId("model-list");
        models.addColumn(e -> e.name()).setHeader(getTranslation("modeler.library.name")).setFlexGrow(2);
        models.addColumn(e -> getTranslation("modeler.kind." + e.kind().name())).setHeader(getTranslation("modeler.library.kind"));
        models.addColumn(e -> getTranslation("modeler.version", e.live().version())).setHeader(getTranslation("modeler.library.live"));
        models.addColumn(e -> getTranslation("modeler.source." + e.live().source().name()))
                .setHeader(getTranslation("modeler.library.source"));
        models.addColumn(e -> e.kind() == ModelKind.BPMN
                ? String.valueOf(e.versions().stream().mapToLong(Version::runningCases).sum()) : "—")
                .setHeader(getTranslation("modeler.library.running"));
        models.addComponentColumn(this::state).setHeader(getTranslation("modeler.library.state")).setFlexGrow(2);
        ResponsiveGrid.of(models, "modeler.library.empty").card(e -> ResponsiveGrid.card(e.name(),
                ResponsiveGrid.line(getTranslation("modeler.kind." + e.kind().name()),
                        getTranslation("modeler.version", e.live().version())), state(e)));
        models.setAllRowsVisible(true);
        models.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::show));
        detail.setWidthFull();
        add(intro, models, detail);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("key")
                .flatMap(key -> models.getListDataView().getItems().filter(e -> e.key().equals(key)).findFirst())
                .ifPresent(models::select);
    }

    private void refresh() {
        models.setItems(modeler.library());
    }

    private Component state(ModelEntry entry) {
        Div state = new Div();
        entry.releaseWaitingSince().ifPresent(since -> state.add(badge(getTranslation("modeler.library.releaseWaiting"), "error")));
        for (Draft draft : entry.openDrafts()) {
            state.add(badge(getTranslation("modeler.status." + draft.status().name()) + " · " + draft.authorName(),
                    draft.status() == Draft.Status.PROPOSED ? "contrast" : ""));
        }
        return state;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        badge.getStyle().set("margin-inline-end", "var(--lumo-space-xs)");
        return badge;
    }

    private void show(ModelEntry entry) {
        detail.removeAll();
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        panel.setId("model-detail");
        panel.add(new H3(entry.name() + " · " + getTranslation("modeler.version", entry.live().version())));
        entry.releaseWaitingSince().ifPresent(since -> panel.add(release(entry, since)));

        if (!entry.openDrafts().isEmpty()) {
            Div drafts = new Div();
            drafts.setId("open-drafts");
            for (Draft draft : entry.openDrafts()) {
                RouterLink link = new RouterLink(getTranslation("modeler.library.openDraft", draft.id(),
                        getTranslation("modeler.status." + draft.status().name()), draft.authorName(),
                        BureauTime.time(draft.updatedAt())), ModelEditorView.class, draft.id());
                drafts.add(new Div(link));
            }
            panel.add(drafts);
        }

        Grid<Version> versions = new Grid<>();
        versions.setId("version-list");
        versions.addColumn(v -> getTranslation("modeler.version", v.version())).setHeader(getTranslation("modeler.library.version"));
        versions.addColumn(v -> getTranslation("modeler.source." + v.source().name())).setHeader(getTranslation("modeler.library.source"));
        versions.addColumn(v -> v.authorName() == null ? getTranslation("modeler.library.shippedBy") : v.authorName())
                .setHeader(getTranslation("modeler.library.author"));
        versions.addColumn(v -> v.approverName() == null ? "" : v.approverName()).setHeader(getTranslation("modeler.library.approver"));
        versions.addColumn(v -> v.reason() == null ? "" : v.reason()).setHeader(getTranslation("modeler.library.reason")).setFlexGrow(2);
        versions.addColumn(v -> v.deployedAt() == null ? "" : BureauTime.time(v.deployedAt())).setHeader(getTranslation("modeler.library.deployedAt"));
        if (entry.kind() == ModelKind.BPMN) {
            versions.addColumn(Version::runningCases).setHeader(getTranslation("modeler.library.running"));
        }
        versions.addComponentColumn(v -> actions(entry, v)).setHeader("").setAutoWidth(true).setFlexGrow(0);
        versions.getColumns().forEach(c -> c.setAutoWidth(true));
        ResponsiveGrid.of(versions, "modeler.library.versions.empty").card(v -> ResponsiveGrid.card(
                ResponsiveGrid.line(getTranslation("modeler.version", v.version()),
                        getTranslation("modeler.source." + v.source().name())),
                ResponsiveGrid.line(v.authorName() == null ? getTranslation("modeler.library.shippedBy") : v.authorName(),
                        v.deployedAt() == null ? null : BureauTime.time(v.deployedAt())),
                v.reason(), actions(entry, v)));
        versions.setItems(entry.versions());
        versions.setAllRowsVisible(true);
        panel.add(versions);

        if (entry.kind() == ModelKind.BPMN) {
            Div migration = new Div();
            migration.setWidthFull();
            for (Version older : entry.versions()) {
                if (older != entry.live() && older.runningCases() > 0) {
                    Button plan = new Button(getTranslation("modeler.migration.open"), e -> {
                        migration.removeAll();
                        migration.add(new MigrationPanel(migrations, older.definitionId(), entry.live().definitionId()));
                    });
                    plan.setId("migrate-" + older.version());
                    plan.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    HorizontalLayout offer = new HorizontalLayout(new Span(getTranslation("modeler.migration.offer",
                            older.version(), older.runningCases())), plan);
                    offer.setAlignItems(Alignment.BASELINE);
                    panel.add(offer);
                }
            }
            panel.add(migration);
        }

        Div view = new Div();
        view.setWidthFull();
        panel.add(compare(entry, view), view);
        showVersion(entry, entry.live(), view);
        if (entry.kind() == ModelKind.BPMN) {
            Anchor cockpit = new Anchor("/camunda/app/cockpit/default/#/process-definition/" + entry.live().definitionId(),
                    getTranslation("modeler.library.cockpit"));
            cockpit.setRouterIgnore(true);
            cockpit.setTarget("_blank");
            panel.add(cockpit);
        }
        detail.add(panel);
    }

    private Component actions(ModelEntry entry, Version version) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        Button edit = new Button(getTranslation("modeler.library.edit"), e -> open(() -> modeler.startDraft(version.definitionId())));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setId("edit-" + version.version());
        actions.add(edit);
        if (version != entry.live()) {
            Button rollback = new Button(getTranslation("modeler.library.rollback"),
                    e -> open(() -> modeler.startRollback(version.definitionId())));
            rollback.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            rollback.setId("rollback-" + version.version());
            actions.add(rollback);
        }
        return actions;
    }

    private void open(java.util.function.Supplier<Draft> start) {
        try {
            Draft draft = start.get();
            getUI().ifPresent(ui -> ui.navigate(ModelEditorView.class, draft.id()));
        } catch (ModelChangeRefused refused) {
            error(getTranslation(refused.key(), refused.args()));
        }
    }

    private Component release(ModelEntry entry, Instant since) {
        Div box = new Div();
        box.setId("release-waiting");
        box.addClassName("bf-callout");
        box.add(new Paragraph(getTranslation("modeler.library.releaseText", entry.resourceName(), BureauTime.time(since),
                entry.live().version(), getTranslation("modeler.source." + entry.live().source().name()))));
        Button adopt = new Button(getTranslation("modeler.library.adoptRelease"),
                e -> open(() -> modeler.startFromRelease(entry.resourceName())));
        Button keep = new Button(getTranslation("modeler.library.keepLive"), e -> {
            modeler.keepLiveOverRelease(entry.resourceName());
            refresh();
            detail.removeAll();
        });
        box.add(new HorizontalLayout(adopt, keep));
        return box;
    }

    private Component compare(ModelEntry entry, Div view) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setAlignItems(Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        Select<Version> shown = versionSelect(entry, "modeler.library.show");
        shown.setValue(entry.live());
        shown.setId("shown-version");
        Select<Version> against = versionSelect(entry, "modeler.library.compareWith");
        against.setId("compare-version");
        against.setEmptySelectionAllowed(true);
        against.setEmptySelectionCaption(getTranslation("modeler.library.noCompare"));
        Runnable update = () -> {
            if (against.getValue() == null || shown.getValue() == null) {
                showVersion(entry, shown.getValue() == null ? entry.live() : shown.getValue(), view);
            } else {
                showDifferences(entry, against.getValue(), shown.getValue(), view);
            }
        };
        shown.addValueChangeListener(e -> update.run());
        against.addValueChangeListener(e -> update.run());
        bar.add(shown, against);
        return bar;
    }

    private Select<Version> versionSelect(ModelEntry entry, String label) {
        Select<Version> select = new Select<>();
        select.setLabel(getTranslation(label));
        select.setItems(entry.versions());
        select.setItemLabelGenerator(v -> v == null ? "" : getTranslation("modeler.version", v.version()));
        return select;
    }

    private void showVersion(ModelEntry entry, Version version, Div view) {
        view.removeAll();
        if (entry.kind() != ModelKind.BPMN) {
            view.add(new Paragraph(getTranslation("modeler.library.decisionHint")));
            return;
        }
        ProcessDiagram diagram = new ProcessDiagram(modeler.versionXml(version.definitionId()));
        diagram.setId("version-diagram");
        Map<String, ProcessDiagram.StepFigure> figures = new LinkedHashMap<>();
        Map<String, Long> running = modeler.runningPerStep(version.definitionId());
        long most = running.values().stream().mapToLong(Long::longValue).max().orElse(1);
        running.forEach((step, count) -> figures.put(step, new ProcessDiagram.StepFigure(String.valueOf(count), null,
                getTranslation("modeler.library.runningAtStep", count), most == 0 ? 0 : (double) count / most)));
        diagram.setStepFigures(figures);
        view.add(diagram);
    }

    private void showDifferences(ModelEntry entry, Version older, Version newer, Div view) {
        view.removeAll();
        ModelDiff diff = modeler.compareVersions(older.definitionId(), newer.definitionId());
        if (entry.kind() == ModelKind.BPMN) {
            ProcessDiagram diagram = new ProcessDiagram(modeler.versionXml(newer.definitionId()));
            diagram.setId("version-diagram");
            Map<String, String> marks = new LinkedHashMap<>();
            diff.marks().forEach((id, kind) -> marks.put(id, kind.name().toLowerCase(java.util.Locale.ROOT)));
            diagram.setMarks(marks);
            view.add(diagram);
        }
        view.add(new DifferenceList(diff));
    }

    private static void error(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.processes");
    }
}
