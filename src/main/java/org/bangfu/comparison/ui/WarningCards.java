package org.bangfu.comparison.ui;

import java.util.List;

import org.bangfu.comparison.ComparisonNotFound;
import org.bangfu.comparison.ComparisonReport;
import org.bangfu.comparison.Comparisons;
import org.bangfu.comparison.Resolution;
import org.bangfu.comparison.StaleComparison;
import org.bangfu.comparison.Warning.FieldPair;
import org.bangfu.comparison.Warning;
import org.bangfu.household.CodeLists;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shell.Badges;
import org.bangfu.shell.Names;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableRunnable;

/**
 * A comparison report's warnings: per warning, the declared data beside the agency's record, field by field, and
 * the form that resolves it (street officers and the district) or how it was resolved. Used by the report's page
 * and by the pairing task that resolves the warnings; {@code changed} runs after each resolution.
 */
public class WarningCards extends VerticalLayout {

    private final transient Comparisons comparisons;
    private final transient CodeLists codes;
    private final transient Names names;
    private final SerializableRunnable changed;

    /** {@code names} shows who resolved a warning. */
    public WarningCards(Comparisons comparisons, CodeLists codes, Names names, ComparisonReport report,
            SerializableRunnable changed) {
        this.comparisons = comparisons;
        this.names = names;
        names.load(report.warnings(), Warning::resolvedBy);
        this.codes = codes;
        this.changed = changed;
        setPadding(false);
        Span state = report.complete()
                ? Badges.of(getTranslation(report.excludesHousehold() ? "comparison.report.excluded"
                        : "comparison.report.complete"), report.excludesHousehold() ? "error" : "success")
                : Badges.of(getTranslation("comparison.report.open", report.openWarnings()), "primary");
        state.setId("report-state");
        add(state);
        if (report.warnings().isEmpty()) {
            add(new Paragraph(getTranslation("comparison.report.noWarnings")));
        }
        for (Warning warning : report.warnings()) {
            add(card(report, warning));
        }
    }

    private Component card(ComparisonReport report, Warning warning) {
        Div card = new Div();
        card.addClassName("bf-warning");
        card.setId("warning-" + warning.id());
        H3 rule = new H3(warning.text(getLocale()));
        rule.addClassName("bf-warning-title");
        HorizontalLayout title = new HorizontalLayout(rule,
                Badges.of(getTranslation("comparison.severity." + warning.severity()), Labels.severityTheme(warning.severity())),
                Badges.of(getTranslation("comparison.status." + warning.status()), Labels.statusTheme(warning.status())));
        title.setAlignItems(Alignment.CENTER);
        title.setWrap(true);
        card.add(title, new Paragraph(getTranslation("comparison.warning.member", warning.memberName(),
                codes.label(CodeLists.RELATION, warning.relation(), getLocale()),
                getTranslation("agency.kind." + warning.kind()), warning.datasetVersion(), warning.record().rowNo())));
        card.add(fields(warning.fields()));
        if (warning.status() == Warning.Status.OPEN && report.resolvable()) {
            ResolutionForm form = new ResolutionForm(warning, codes.items(CodeLists.RESOLUTION));
            form.addResolveListener(e -> resolve(e.getSource(), e.resolution()));
            card.add(form);
        } else if (warning.status() != Warning.Status.OPEN) {
            String consequence = warning.consequence() == null ? ""
                    : getTranslation("comparison.consequence." + warning.consequence()) + "；";
            Paragraph resolved = new Paragraph(getTranslation("comparison.warning.resolved",
                    getTranslation("comparison.decision." + warning.status()), consequence,
                    codes.label(CodeLists.RESOLUTION, warning.reasonCode(), getLocale()), warning.note(),
                    names.of(warning.resolvedBy()), BureauTime.time(warning.resolvedAt())));
            resolved.addClassName("bf-resolved");
            card.add(resolved);
            if (warning.carriedFrom() != null) {
                Paragraph carried = new Paragraph(getTranslation("comparison.warning.carried"));
                carried.addClassName("bf-resolved");
                card.add(carried);
            }
        }
        return card;
    }

    /** Declared beside agency data: one row per field of the agency record. */
    private Component fields(List<FieldPair> pairs) {
        Div table = new Div();
        table.addClassName("bf-compare");
        table.add(cell(getTranslation("comparison.field"), "bf-compare-head"),
                cell(getTranslation("comparison.declared"), "bf-compare-head"),
                cell(getTranslation("comparison.agency"), "bf-compare-head"));
        for (FieldPair pair : pairs) {
            table.add(cell(getTranslation("agency.field." + pair.field()), "bf-compare-label"),
                    cell(pair.declared() == null ? getTranslation("comparison.notDeclared") : pair.declared(),
                            pair.declared() == null ? "bf-compare-missing" : "bf-compare-value"),
                    cell(value(pair.field(), pair.agency()), "bf-compare-value"));
        }
        return table;
    }

    private String value(String field, String value) {
        if (value == null) {
            return "—";
        }
        return "productive".equals(field) ? getTranslation(Boolean.parseBoolean(value) ? "agency.productive.yes"
                : "agency.productive.no") : value;
    }

    private static Div cell(String text, String className) {
        Div cell = new Div();
        cell.setText(text);
        cell.addClassName(className);
        return cell;
    }

    private void resolve(ResolutionForm form, Resolution resolution) {
        Warning warning = form.warning();
        try {
            comparisons.resolve(warning.id(), warning.version(), resolution);
            Notification.show(getTranslation("comparison.resolve.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changed.run();
        } catch (InvalidInput invalid) {
            form.showErrors(invalid);
        } catch (StaleComparison | ComparisonNotFound stale) {
            Notification.show(getTranslation("comparison.resolve.stale")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            changed.run();
        }
    }
}
