package org.bangfu.comparison.ui;

import org.bangfu.comparison.ComparisonReport;
import org.bangfu.comparison.Comparisons;
import org.bangfu.household.CodeLists;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shell.MainLayout;
import org.bangfu.shared.People;
import org.bangfu.shell.Names;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * One household's comparison: per warning, the declared data beside the agency's record, field by field, and
 * the form that resolves it (street officers and the district) or how it was resolved.
 */
@Route(value = "comparison/report/:reportId", layout = MainLayout.class)
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.STREET, Role.Names.TEAM_MEMBER,
        Role.Names.TEAM_LEADER })
class ComparisonReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient Comparisons comparisons;
    private final transient CodeLists codes;
    private final transient Names names;
    private long reportId;
    private String title = "";

    ComparisonReportView(Comparisons comparisons, CodeLists codes, People people) {
        this.names = new Names(people, this::getTranslation);
        this.comparisons = comparisons;
        this.codes = codes;
        setId("comparison-report");
        addClassName("bf-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            reportId = Long.parseLong(event.getRouteParameters().get("reportId").orElse(""));
        } catch (NumberFormatException e) {
            reportId = -1;
        }
        show();
    }

    private void show() {
        removeAll();
        ComparisonReport report = comparisons.report(reportId).orElse(null);
        if (report == null) {
            add(new Paragraph(getTranslation("comparison.notFound")));
            return;
        }
        title = getTranslation("comparison.report.title", report.headName());
        H2 heading = new H2(title);
        heading.addClassName("bf-report-title");
        Anchor file = new Anchor("households/" + report.householdId(), report.fileNo());
        file.setId("report-household");
        HorizontalLayout header = new HorizontalLayout(heading, file);
        header.setAlignItems(Alignment.BASELINE);
        header.setWrap(true);
        if (report.resolvable()) {
            Button again = new Button(getTranslation("comparison.compareAgain"), VaadinIcon.REFRESH.create(),
                    e -> compareAgain(report));
            again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            again.setId("compare-again");
            header.add(again);
        }
        add(header);
        String datasets = String.join("、", report.datasets().stream()
                .map(d -> getTranslation("agency.kind." + d.kind().name()) + " v" + d.versionNo()).toList());
        add(new Paragraph(getTranslation("comparison.report.basis", report.streetName(), report.villageName(),
                report.asOf().toString(), report.membersChecked(), report.batchId() == null
                        ? getTranslation("comparison.source.single") : getTranslation("comparison.source.batch", report.batchId()),
                names.of(report.createdBy()), datasets.isEmpty() ? "—" : datasets, report.rules().size())));
        add(new WarningCards(comparisons, codes, names, report, this::show));
    }

    /** A new comparison against the newest data; the same report when nothing it depends on has changed. */
    private void compareAgain(ComparisonReport report) {
        try {
            ComparisonReport newest = comparisons.compare(report.householdId());
            if (newest.id() == report.id()) {
                Notification.show(getTranslation("comparison.compareAgain.same"));
            } else {
                getUI().ifPresent(ui -> ui.navigate("comparison/report/" + newest.id()));
            }
        } catch (InvalidInput noData) {
            Notification.show(getTranslation(noData.errors().get(0).messageKey()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("nav.comparison") : title;
    }
}
