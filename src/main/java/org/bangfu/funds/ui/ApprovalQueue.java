package org.bangfu.funds.ui;

import java.util.List;

import org.bangfu.funds.FundRequests;
import org.bangfu.funds.PendingApproval;
import org.bangfu.household.CodeLists;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.Money;
import org.bangfu.shell.Names;
import org.bangfu.shell.ResponsiveGrid;
import org.bangfu.shell.ReturnTo;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** 资金管理's approval queue: the district's fund approvals, the same tasks as in the task list, with their total. */
class ApprovalQueue extends VerticalLayout {

    ApprovalQueue(FundRequests requests, CodeLists codes, Names names) {
        setPadding(false);
        Grid<PendingApproval> grid = new Grid<>();
        grid.setId("funds-approvals");
        grid.addColumn(p -> getTranslation("task." + p.taskKey())).setHeader(getTranslation("task.step"))
                .setAutoWidth(true);
        grid.addColumn(p -> p.headName() + " · " + p.fileNo()).setHeader(getTranslation("field.headName"))
                .setAutoWidth(true);
        grid.addColumn(PendingApproval::teamName).setHeader(getTranslation("funds.team")).setAutoWidth(true);
        grid.addColumn(p -> p.amount().format()).setHeader(getTranslation("funds.amount")).setAutoWidth(true);
        grid.addColumn(p -> codes.label(CodeLists.MEASURE, p.measure(), UI.getCurrent().getLocale()) + " · "
                + p.purpose()).setHeader(getTranslation("form.field.purpose")).setFlexGrow(1);
        grid.addColumn(p -> names.of(p.requestedBy()) + " · " + BureauTime.time(p.requestedAt()))
                .setHeader(getTranslation("funds.requestedBy")).setAutoWidth(true);
        grid.addColumn(p -> p.assignee() == null ? getTranslation("task.unclaimed") : names.of(p.assignee()))
                .setHeader(getTranslation("task.assignee")).setAutoWidth(true);
        Grid.Column<PendingApproval> openColumn = grid.addComponentColumn(p -> {
            // leadership reads the queue: 查看, never a 办理 that leads to a task not theirs
            Button open = new Button(getTranslation(p.actionable() ? "funds.approvals.open" : "funds.approvals.view"),
                    e -> getUI().ifPresent(ui -> ui.navigate("tasks/" + p.taskId(), ReturnTo.query("funds"))));
            open.setMinHeight("44px");
            return open;
        });
        ResponsiveGrid.of(grid, "funds.approvals.empty").keep(openColumn).card(p -> ResponsiveGrid.card(
                ResponsiveGrid.line(p.headName(), p.amount().format()), getTranslation("task." + p.taskKey()),
                ResponsiveGrid.line(p.teamName(), names.of(p.requestedBy()), BureauTime.time(p.requestedAt()))));
        List<PendingApproval> pending = names.load(requests.awaitingDistrict(), PendingApproval::requestedBy,
                PendingApproval::assignee);
        grid.setItems(pending);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        Span total = new Span(getTranslation("funds.approvals.total", pending.size(),
                Money.ofFen(pending.stream().mapToLong(p -> p.amount().fen()).sum()).format()));
        total.setId("funds-approvals-total");
        add(total, grid);
    }
}
