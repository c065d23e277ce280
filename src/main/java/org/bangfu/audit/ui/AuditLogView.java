package org.bangfu.audit.ui;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditLog.AuditQuery;
import org.bangfu.audit.AuditText;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.People;
import org.bangfu.shared.Role;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.Names;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** 审计日志: the auditor reads who did what, when and from where; newest first, loaded page by page. */
@Route(value = "audit", layout = MainLayout.class)
@Menu(title = "nav.audit", order = 80, icon = "vaadin:clipboard-text")
@RolesAllowed(Role.Names.AUDITOR)
class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private final transient AuditLog auditLog;
    private final transient Names names;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField actor = new TextField();
    private final ComboBox<AuditAction> action = new ComboBox<>();

    AuditLogView(AuditLog auditLog, People people) {
        this.auditLog = auditLog;
        this.names = new Names(people, this::getTranslation);
        setId("audit-view");
        setSizeFull();
        addClassName("bf-page");

        actor.setPlaceholder(getTranslation("audit.filter.actor"));
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.addValueChangeListener(e -> refresh());
        action.setPlaceholder(getTranslation("audit.filter.action"));
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> getTranslation("audit.action." + a.name()));
        action.setClearButtonVisible(true);
        action.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(actor, action);
        filters.setWrap(true);

        grid.addColumn(e -> BureauTime.timeWithSeconds(e.occurredAt())).setHeader(getTranslation("audit.column.time")).setAutoWidth(true);
        grid.addColumn(e -> names.of(e.actor())).setHeader(getTranslation("audit.column.actor")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.action." + e.action())).setHeader(getTranslation("audit.column.action"))
                .setAutoWidth(true);
        grid.addColumn(this::target).setHeader(getTranslation("audit.column.target")).setAutoWidth(true);
        grid.addColumn(AuditEntry::sourceAddress).setHeader(getTranslation("audit.column.source")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.outcome." + e.outcome().name()))
                .setHeader(getTranslation("audit.column.outcome")).setAutoWidth(true);
        grid.addColumn(e -> AuditText.render(e.detail(), this::getTranslation)).setHeader(getTranslation("audit.column.detail")).setFlexGrow(1);
        ResponsiveGrid.of(grid, "audit.empty").card(e -> ResponsiveGrid.card(
                ResponsiveGrid.line(getTranslation("audit.action." + e.action()), target(e)),
                ResponsiveGrid.line(BureauTime.timeWithSeconds(e.occurredAt()), names.of(e.actor()),
                        getTranslation("audit.outcome." + e.outcome().name())),
                AuditText.render(e.detail(), this::getTranslation)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        refresh();
        add(filters, grid);
    }

    private void refresh() {
        AuditQuery query = new AuditQuery(actor.getValue(), action.getValue());
        grid.setItems(q -> names.load(auditLog.find(query, q.getOffset(), q.getLimit()), AuditEntry::actor, AuditEntry::target).stream(),
                q -> auditLog.count(query));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit");
    }

    /** What an action was done to; a sign-in's target is the account, shown by its person's name where known. */
    private String target(AuditEntry entry) {
        return names.of(AuditText.render(entry.target(), this::getTranslation));
    }
}
