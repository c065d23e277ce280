package org.bangfu.funds.ui;

import java.util.List;
import java.util.stream.Stream;

import org.bangfu.funds.ApprovalLevel;
import org.bangfu.funds.Arrangement;
import org.bangfu.funds.ArrangementLeft;
import org.bangfu.funds.FundRequest;
import org.bangfu.funds.FundVariables;
import org.bangfu.household.CodeLists;
import org.bangfu.pairing.TaskDetail;
import org.bangfu.pairing.TaskPanel;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.Money;
import org.bangfu.shared.People;
import org.bangfu.shell.Names;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Beside a fund task's form: for the team's request, what each arrangement has left and why an earlier round came
 * back; for an approval, the request itself, what is left of its arrangement, the levels it needs with the
 * decisions taken so far, and the four-eyes rule.
 */
@org.springframework.stereotype.Component
class FundRequestPanel implements TaskPanel {

    private final CodeLists codes;
    private final People people;

    FundRequestPanel(CodeLists codes, People people) {
        this.codes = codes;
        this.people = people;
    }

    @Override
    public boolean handles(String taskKey) {
        return FundVariables.TASKS.contains(taskKey);
    }

    @Override
    public Component create(TaskDetail detail) {
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        panel.setSpacing(false);
        panel.setId("task-fund-request");
        FundRequest request = detail.context().get("fundRequest") instanceof FundRequest r ? r : null;
        Names names = new Names(people, panel::getTranslation);
        if (request != null) {
            names.learn(Stream.concat(Stream.of(request.requestedBy()),
                    request.currentApprovals().stream().map(FundRequest.Approval::decidedBy)).toList());
        }
        if (detail.task().taskKey().equals(FundVariables.REQUEST)) {
            @SuppressWarnings("unchecked")
            List<ArrangementLeft> arrangements = (List<ArrangementLeft>) detail.context().getOrDefault("arrangements",
                    List.of());
            if (arrangements.isEmpty()) {
                panel.add(new Paragraph(panel.getTranslation("funds.request.nothingArranged")));
            }
            for (ArrangementLeft left : arrangements) {
                Arrangement a = left.arrangement();
                Span line = new Span(panel.getTranslation("funds.request.arrangement", String.valueOf(a.year()),
                        panel.getTranslation("funds.programme." + a.programme().name()), a.amount().format(),
                        left.remaining().format()));
                line.addClassName("bf-fund-arrangement");
                panel.add(line);
            }
            if (request != null) {
                panel.add(new Paragraph(panel.getTranslation("funds.request.earlier", request.round(),
                        request.amount().format(), panel.getTranslation("funds.status." + request.status().name()),
                        FundsFigures.approvals(panel, names, request))));
            }
            return panel;
        }
        if (request == null) {
            return panel;
        }
        FormLayout summary = new FormLayout();
        summary.addFormItem(new Span(request.amount().format() + " " + panel.getTranslation("money.unit")),
                panel.getTranslation("form.field.amount"));
        summary.addFormItem(new Span(request.year() + " " + panel.getTranslation("funds.programme."
                + request.programme().name())), panel.getTranslation("form.field.programme"));
        summary.addFormItem(new Span(codes.label(CodeLists.MEASURE, request.measure(), UI.getCurrent().getLocale())),
                panel.getTranslation("form.field.measure"));
        summary.addFormItem(new Span(request.purpose()), panel.getTranslation("form.field.purpose"));
        summary.addFormItem(new Span(names.of(request.requestedBy()) + " · " + BureauTime.time(request.requestedAt())),
                panel.getTranslation("funds.requestedBy"));
        if (detail.context().get("remaining") instanceof Money left) {
            summary.addFormItem(new Span(left.format() + " " + panel.getTranslation("money.unit")),
                    panel.getTranslation("funds.request.left"));
        }
        summary.addFormItem(new Span(String.valueOf(request.round())), panel.getTranslation("funds.round"));
        panel.add(summary);
        StringBuilder levels = new StringBuilder();
        for (ApprovalLevel level : request.levels()) {
            String decided = request.currentApprovals().stream().filter(a -> a.level() == level).findFirst()
                    .map(a -> names.of(a.decidedBy()) + " " + panel.getTranslation("form.choice.decision." + a.decision()))
                    .orElse(panel.getTranslation("funds.approval.pending"));
            levels.append(levels.isEmpty() ? "" : " → ").append(panel.getTranslation("task." + level.taskKey()))
                    .append("（").append(decided).append("）");
        }
        Span path = new Span(panel.getTranslation("funds.levels", levels.toString()));
        path.setId("task-fund-levels");
        panel.add(path, new Paragraph(panel.getTranslation("funds.fourEyes")));
        return panel;
    }
}
