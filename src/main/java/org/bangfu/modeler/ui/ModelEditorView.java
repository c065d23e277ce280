package org.bangfu.modeler.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.bangfu.modeler.Draft;
import org.bangfu.modeler.Draft.Status;
import org.bangfu.modeler.Finding;
import org.bangfu.modeler.Migration;
import org.bangfu.modeler.Migrations;
import org.bangfu.modeler.ModelChangeRefused;
import org.bangfu.modeler.ModelDiff;
import org.bangfu.modeler.ModelKind;
import org.bangfu.modeler.Modeler;
import org.bangfu.modeler.StaleDraft;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shell.MainLayout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

/**
 * One change to a process or decision: the editor (bpmn-js with the Camunda properties panel and Bangfu's lint rules,
 * or dmn-js's decision tables), why, the checks with their reasons on the offending elements, the differences from
 * the live version, and the four-eyes steps the change is at: save, propose, withdraw, approve and deploy, reject.
 */
@Route(value = "processes/drafts", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class ModelEditorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final Modeler modeler;
    private final Migrations migrations;
    private Draft draft;
    private BpmnEditor bpmn;
    private DmnEditor dmn;
    private final TextArea reason = new TextArea();
    private final Span lint = new Span();
    private final Details lintIssues = new Details();
    private final Div findings = new Div();
    private final Div differences = new Div();
    private final FlexLayout actions = new FlexLayout();

    public ModelEditorView(Modeler modeler, Migrations migrations) {
        this.modeler = modeler;
        this.migrations = migrations;
        setId("model-editor");
        addClassName("bf-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        draft = modeler.draft(id);
        build();
    }

    private void build() {
        removeAll();
        RouterLink back = new RouterLink(getTranslation("modeler.editor.back"), ProcessLibraryView.class);
        back.setQueryParameters(com.vaadin.flow.router.QueryParameters.of("key", draft.definitionKey()));
        add(back, new H3(getTranslation("modeler.editor.title", modeler.entry(draft.definitionKey()).name(), draft.id())));
        Paragraph about = new Paragraph(getTranslation("modeler.editor.about",
                getTranslation("modeler.status." + draft.status().name()), draft.basedOnVersion(), draft.authorName(),
                BureauTime.time(draft.updatedAt())));
        about.setId("draft-state");
        add(about);
        if (draft.origin() != Draft.Origin.EDIT) {
            add(new Paragraph(getTranslation("modeler.origin." + draft.origin().name())));
        }
        if (draft.decisionNote() != null) {
            add(new Paragraph(getTranslation("modeler.editor.decisionNote", draft.decidedByName(), draft.decisionNote())));
        }

        Component editor;
        if (draft.kind() == ModelKind.BPMN) {
            bpmn = new BpmnEditor(ModelerTexts.forLocale(getLocale()));
            bpmn.setXml(draft.content());
            bpmn.setLintConfig(modeler.knownGroups(), modeler.knownDelegates());
            bpmn.addLintListener(this::showLint);
            bpmn.addFailureListener(message -> error(getTranslation("modeler.editor.importFailed", message)));
            editor = bpmn;
        } else {
            dmn = new DmnEditor(ModelerTexts.forLocale(getLocale()));
            dmn.setXml(draft.content());
            dmn.addFailureListener(message -> error(getTranslation("modeler.editor.importFailed", message)));
            editor = dmn;
        }
        editor.getElement().getStyle().set("width", "100%");
        lint.setId("lint-summary");
        lintIssues.setId("lint-issues");
        lintIssues.setSummaryText("");
        lintIssues.setVisible(false);
        add(lint, lintIssues, editor);

        reason.setId("change-reason");
        reason.setLabel(getTranslation("modeler.editor.reason"));
        reason.setHelperText(getTranslation("modeler.editor.reasonHelp"));
        reason.setWidthFull();
        reason.setMaxLength(1000);
        reason.setValue(draft.reason() == null ? "" : draft.reason());
        reason.setReadOnly(draft.status() != Status.DRAFT);

        actions.setId("draft-actions");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        actions.removeAll();
        boolean mine = draft.author().equals(CurrentUser.require().getUsername());
        switch (draft.status()) {
            case DRAFT -> {
                actions.add(button("save", ButtonVariant.LUMO_PRIMARY, this::save),
                        button("check", null, this::check),
                        button("compare", null, this::compare),
                        button(modeler.fourEyes() ? "propose" : "deploy", ButtonVariant.LUMO_SUCCESS, this::propose),
                        button("discard", ButtonVariant.LUMO_ERROR, this::discard));
            }
            case PROPOSED -> {
                actions.add(button("compare", null, this::compare));
                if (!mine || !modeler.fourEyes()) {
                    actions.add(button("approve", ButtonVariant.LUMO_SUCCESS, this::approve),
                            button("reject", ButtonVariant.LUMO_ERROR, this::reject));
                }
                if (mine) {
                    actions.add(button("withdraw", null, this::withdraw));
                }
                if (mine && modeler.fourEyes()) {
                    actions.add(new Span(getTranslation("modeler.editor.waitingForOther")));
                }
            }
            default -> actions.add(button("compare", null, this::compare));
        }
        findings.setId("check-findings");
        differences.setId("draft-differences");
        add(reason, actions, findings, differences);
    }

    /** The drawing checks' findings as the administrator draws: a count, and each issue to click and find. */
    private void showLint(BpmnEditor.LintResult result) {
        lint.setText(getTranslation("modeler.editor.lint", result.errors(), result.warnings()));
        lintIssues.setVisible(!result.issues().isEmpty());
        lintIssues.setSummaryText(getTranslation("modeler.editor.lintIssues", result.issues().size()));
        UnorderedList list = new UnorderedList();
        for (BpmnEditor.LintIssue issue : result.issues()) {
            ListItem item = new ListItem((issue.elementName() == null || issue.elementName().isBlank() ? issue.elementId()
                    : issue.elementName() + "（" + issue.elementId() + "）") + "：" + issue.message());
            item.getStyle().set("cursor", "pointer");
            item.addClickListener(e -> bpmn.focusElement(issue.elementId()));
            list.add(item);
        }
        lintIssues.removeAll();
        lintIssues.add(list);
    }

    private Button button(String action, ButtonVariant variant, Runnable run) {
        Button button = new Button(getTranslation("modeler.editor.action." + action), e -> run.run());
        button.setId("draft-" + action);
        if (variant != null) {
            button.addThemeVariants(variant);
        }
        return button;
    }

    /** The XML in the editor now (the last typed value included). */
    private void current(Consumer<String> then) {
        CompletableFuture<String> xml = bpmn != null ? bpmn.save() : dmn.save();
        xml.whenComplete((value, failure) -> getUI().ifPresent(ui -> ui.access(() -> {
            if (failure != null || value == null) {
                error(getTranslation("modeler.editor.exportFailed"));
            } else {
                then.accept(value);
            }
        })));
    }

    private void save() {
        current(xml -> act(() -> {
            draft = modeler.save(draft.id(), draft.rowVersion(), xml, reason.getValue());
            Notification.show(getTranslation("modeler.editor.saved"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }));
    }

    private void check() {
        current(xml -> act(() -> showFindings(modeler.check(draft.id(), xml))));
    }

    private void compare() {
        if (draft.status() == Status.DRAFT) {
            current(xml -> act(() -> showDifferences(modeler.compareWithLive(draft.id(), xml), xml)));
        } else {
            act(() -> showDifferences(modeler.compareWithLive(draft.id(), draft.content()), draft.content()));
        }
    }

    private void propose() {
        current(xml -> act(() -> {
            draft = modeler.save(draft.id(), draft.rowVersion(), xml, reason.getValue());
            draft = modeler.propose(draft.id(), draft.rowVersion(), reason.getValue());
            done(draft.status() == Status.DEPLOYED ? "modeler.editor.deployed" : "modeler.editor.proposed");
        }));
    }

    private void approve() {
        act(() -> {
            draft = modeler.approve(draft.id(), draft.rowVersion());
            done("modeler.editor.deployed");
        });
    }

    private void reject() {
        TextArea note = new TextArea(getTranslation("modeler.editor.rejectReason"));
        note.setId("reject-reason");
        note.setWidthFull();
        Button confirm = new Button(getTranslation("modeler.editor.action.confirmReject"), e -> act(() -> {
            draft = modeler.reject(draft.id(), draft.rowVersion(), note.getValue());
            done("modeler.editor.rejected");
        }));
        confirm.setId("draft-confirm-reject");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        findings.removeAll();
        findings.add(note, confirm);
    }

    private void withdraw() {
        act(() -> {
            draft = modeler.withdraw(draft.id(), draft.rowVersion());
            build();
        });
    }

    private void discard() {
        act(() -> {
            modeler.discard(draft.id(), draft.rowVersion());
            getUI().ifPresent(ui -> ui.navigate(ProcessLibraryView.class));
        });
    }

    private void done(String key) {
        Notification.show(getTranslation(key), 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        build();
    }

    /** Runs a change; a refusal or a stale draft is shown, and nothing changed. */
    private void act(Runnable change) {
        try {
            change.run();
        } catch (ModelChangeRefused refused) {
            error(getTranslation(refused.key(), refused.args()));
            if (!refused.findings().isEmpty()) {
                showFindings(refused.findings());
            }
        } catch (StaleDraft stale) {
            error(getTranslation("modeler.stale"));
        }
    }

    private void showFindings(List<Finding> found) {
        findings.removeAll();
        if (bpmn != null) {
            List<BpmnEditor.Problem> problems = new ArrayList<>();
            found.stream().filter(f -> f.elementId() != null)
                    .forEach(f -> problems.add(new BpmnEditor.Problem(f.elementId(), text(f))));
            bpmn.setProblems(problems);
        }
        if (found.isEmpty()) {
            Paragraph ok = new Paragraph(getTranslation("modeler.check.passed"));
            ok.setId("check-passed");
            findings.add(ok);
            return;
        }
        findings.add(new Paragraph(getTranslation("modeler.check.count", found.size())));
        UnorderedList list = new UnorderedList();
        for (Finding f : found) {
            ListItem item = new ListItem();
            item.addClassName("bf-finding");
            Span source = new Span(getTranslation("modeler.check.source." + f.source().name()));
            source.getElement().getThemeList().add("badge error");
            item.add(source, new Span(" " + (f.elementId() == null ? "" : f.elementId() + "：") + text(f)));
            if (bpmn != null && f.elementId() != null) {
                item.getStyle().set("cursor", "pointer");
                item.addClickListener(e -> bpmn.focusElement(f.elementId()));
            }
            list.add(item);
        }
        findings.add(list);
    }

    private String text(Finding f) {
        String message = getTranslation(f.key(), f.args().toArray());
        if (f.source() == Finding.Source.GATE && f.args().size() > 1 && !f.args().get(1).isBlank()) {
            return f.args().get(1) + "：" + message;
        }
        return message;
    }

    private void showDifferences(ModelDiff diff, String xml) {
        differences.removeAll();
        if (draft.status().isOpen()) {
            Migration.Impact impact = migrations.impact(draft.id(), xml);
            if (!impact.steps().isEmpty()) {
                UnorderedList steps = new UnorderedList();
                steps.setId("draft-impact");
                impact.steps().forEach(s -> steps.add(new ListItem(getTranslation("modeler.impact.step", s.version(),
                        s.stepName() == null ? s.stepId() : s.stepName(), getTranslation("modeler.diff." + s.kind().name()),
                        s.cases()))));
                differences.add(new Paragraph(getTranslation("modeler.impact.intro", impact.cases())), steps);
            }
        }
        if (bpmn != null) {
            Map<String, BpmnEditor.Mark> marks = new java.util.LinkedHashMap<>();
            diff.marks().forEach((id, kind) -> marks.put(id, BpmnEditor.Mark.valueOf(kind.name())));
            bpmn.setMarks(marks);
        }
        differences.add(new DifferenceList(diff));
    }

    private static void error(String text) {
        Notification.show(text, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.processes");
    }
}
