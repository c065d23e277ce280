package org.bangfu.funds.ui;

import java.util.stream.Collectors;

import org.bangfu.funds.FundLedger;
import org.bangfu.funds.FundRequest;
import org.bangfu.funds.Payment;
import org.bangfu.shared.Money;
import org.bangfu.shell.Badges;
import org.bangfu.shell.Names;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** How the funds views show money: a balance as five figures, a request's status, its decisions in a line. */
final class FundsFigures {

    private FundsFigures() {
    }

    /** Arranged, in approval, awaiting the bank, paid, left: each a labelled figure in yuan. */
    static Component balance(Component owner, int year, FundLedger.Balance balance, String id) {
        HorizontalLayout figures = new HorizontalLayout();
        figures.setId(id);
        figures.setWrap(true);
        figures.setAlignItems(FlexComponent.Alignment.STRETCH);
        figures.add(new Span(owner.getTranslation("funds.balance.year", String.valueOf(year))));
        figures.add(figure(owner, id, "arranged", balance.arranged()),
                figure(owner, id, "inApproval", balance.inApproval()),
                figure(owner, id, "awaitingPayment", balance.awaitingPayment()), figure(owner, id, "paid", balance.paid()),
                figure(owner, id, "remaining", balance.remaining()));
        return figures;
    }

    private static Component figure(Component owner, String id, String name, Money amount) {
        Span label = new Span(owner.getTranslation("funds.balance." + name));
        label.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Span value = new Span(amount.format());
        value.setId(id + "-" + name);
        value.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Div box = new Div(label, new Div(value));
        box.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("min-width", "8.5em");
        return box;
    }

    static Component status(Component owner, FundRequest.Status status) {
        String theme = switch (status) {
            case PAID -> "success";
            case REJECTED, FAILED -> "error";
            case WITHDRAWN, RETURNED -> "contrast";
            default -> "primary";
        };
        return Badges.of(owner.getTranslation("funds.status." + status.name()), theme);
    }

    /** A payment's state; an instruction the job could not send shows as an incident. */
    static Component status(Component owner, Payment payment) {
        if (payment.incident()) {
            return Badges.of(owner.getTranslation("funds.payment.incident"), "error");
        }
        String theme = switch (payment.status()) {
            case PAID -> "success";
            case FAILED -> "error";
            default -> "contrast";
        };
        return Badges.of(owner.getTranslation("funds.payment.status." + payment.status().name()), theme);
    }

    /** "组长审批 第一帮扶小组组长：同意；区民政局审批 王芳：同意" for the request's current round. */
    static String approvals(Component owner, Names names, FundRequest request) {
        if (request.currentApprovals().isEmpty()) {
            return owner.getTranslation("funds.approvals.none", request.round());
        }
        return request.currentApprovals().stream()
                .map(a -> owner.getTranslation("funds.approval.line", owner.getTranslation("task." + a.level().taskKey()),
                        names.of(a.decidedBy()), owner.getTranslation("form.choice.decision." + a.decision()),
                        a.opinion() == null ? "" : "（" + a.opinion() + "）"))
                .collect(Collectors.joining("；"));
    }
}
