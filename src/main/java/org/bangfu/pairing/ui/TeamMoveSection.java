package org.bangfu.pairing.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdPageSection;
import org.bangfu.pairing.TeamMove;
import org.bangfu.pairing.TeamMoves;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * On a household's page: the district's 调整帮扶小组 action while a team assists the household, and the household's
 * earlier moves, each with its teams, reason, date and who decided.
 */
@org.springframework.stereotype.Component
class TeamMoveSection implements HouseholdPageSection {

    private final TeamMoves moves;
    private final Clock clock;

    TeamMoveSection(TeamMoves moves, Clock clock) {
        this.moves = moves;
        this.clock = clock;
    }

    @Override
    public Component create(HouseholdFile file) {
        boolean mayMove = CurrentUser.require().hasRole(Role.DISTRICT) && file.teamId() != null
                && TeamMoves.MOVABLE.contains(file.stage());
        List<TeamMove> done = moves.ofHousehold(file.id());
        if (!mayMove && done.isEmpty()) {
            return null;
        }
        VerticalLayout section = new VerticalLayout();
        section.setId("household-team-moves");
        section.setPadding(false);
        section.setSpacing(false);
        if (mayMove) {
            Button move = new Button(section.getTranslation("teamMove.action"), VaadinIcon.EXCHANGE.create());
            move.setId("household-team-move");
            move.setMinHeight("44px");
            move.addClickListener(e -> new TeamMoveDialog(moves, file, LocalDate.now(clock),
                    () -> move.getUI().ifPresent(ui -> ui.getPage().reload())).open());
            HorizontalLayout row = new HorizontalLayout(move);
            row.setAlignItems(Alignment.CENTER);
            section.add(row);
        }
        if (!done.isEmpty()) {
            VerticalLayout lines = new VerticalLayout();
            lines.setPadding(false);
            lines.setSpacing(false);
            for (TeamMove m : done) {
                Div line = new Div();
                line.addClassName("team-move-line");
                line.getStyle().set("overflow-wrap", "anywhere");
                line.setText(section.getTranslation("teamMove.line", BureauTime.time(m.movedAt()), m.fromTeamName(),
                        m.toTeamName(), m.decidedOn().toString(), m.reason(), m.movedByName()));
                lines.add(line);
            }
            Details details = new Details(section.getTranslation("teamMove.history"), lines);
            details.setId("household-team-move-history");
            section.add(details);
        }
        return section;
    }
}
