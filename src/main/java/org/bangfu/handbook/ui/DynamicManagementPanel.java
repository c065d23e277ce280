package org.bangfu.handbook.ui;

import java.time.LocalDate;

import org.bangfu.handbook.ExitVariables;
import org.bangfu.handbook.Exits;
import org.bangfu.handbook.ReviewVariables;
import org.bangfu.household.HouseholdPageTab;
import org.bangfu.pairing.TaskDetail;
import org.bangfu.pairing.TaskPanel;
import org.bangfu.shared.People;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Beside a review or exit task's form: when the review fell due and whether its visit is in the handbook (with the
 * way to the handbook to record it); for an exit, the proposal and its reasons.
 */
@org.springframework.stereotype.Component
class DynamicManagementPanel implements TaskPanel {

    private final People people;

    DynamicManagementPanel(People people) {
        this.people = people;
    }

    @Override
    public boolean handles(String taskKey) {
        return ReviewVariables.TASKS.contains(taskKey) || ExitVariables.TASKS.contains(taskKey);
    }

    @Override
    public Component create(TaskDetail detail) {
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        panel.setSpacing(false);
        panel.setId("task-dynamic-management");
        if (detail.context().get("reviewDue") instanceof LocalDate due) {
            String interval = String.valueOf(detail.context().getOrDefault("reviewInterval", ""));
            // an administrator may change the decision's periods: one without a label shows as written
            String often = java.util.List.of("P3M", "P6M", "P1Y").contains(interval)
                    ? panel.getTranslation("handbook.review.interval." + interval) : interval;
            panel.add(new Paragraph(panel.getTranslation("handbook.review.due", due.toString(), often)));
            boolean visited = detail.context().get("reviewVisitId") != null;
            Paragraph visit = new Paragraph(panel.getTranslation(visited ? "handbook.review.visited"
                    : "handbook.review.notVisited", due.toString()));
            visit.setId("task-review-visit");
            panel.add(visit);
        }
        if (detail.context().get("exitProposal") instanceof Exits.Proposal proposal) {
            Paragraph reasons = new Paragraph(panel.getTranslation("handbook.exit.proposal",
                    people.find(proposal.proposedBy()).shown(panel::getTranslation),
                    proposal.reasons()));
            reasons.setId("task-exit-reasons");
            panel.add(reasons);
        }
        panel.add(new Anchor(HouseholdPageTab.address(detail.household().id(), HandbookTab.NAME), panel.getTranslation("handbook.openHandbook")));
        return panel;
    }
}
