package org.bangfu.handbook.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bangfu.handbook.DueVisits;
import org.bangfu.handbook.DueVisits.DueVisit;
import org.bangfu.handbook.Visits;
import org.bangfu.household.Attachments;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Team;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.AddressQuery;
import org.bangfu.shell.Badges;
import org.bangfu.shell.MainLayout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 今日走访: a team member's visits on a phone. One card per household in assistance, the most overdue first, with when
 * it was last visited and when it is due; a large button records the visit (camera photos, the head of household's
 * signature) and another opens the handbook. A team leader (and the district, leadership, a street) sees the same
 * list and can narrow it to the households not visited within their due period; it opens narrowed so only when some
 * are overdue. The headline counts all the households in assistance and those overdue, whatever the list shows.
 */
@Route(value = "visits", layout = MainLayout.class)
@Menu(title = "nav.visits", order = 7, icon = "vaadin:home-o")
@RolesAllowed({ Role.Names.TEAM_MEMBER, Role.Names.TEAM_LEADER, Role.Names.DISTRICT, Role.Names.LEADER,
        Role.Names.STREET })
class VisitsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final transient DueVisits dueVisits;
    private final transient Visits visits;
    private final transient Attachments attachments;
    private final transient Clock clock;
    private final Checkbox overdueOnly = new Checkbox();
    private final Div cards = new Div();
    private final Span summary = new Span();
    private final boolean teamMember;
    private final transient Organisation organisation;
    private final Span narrowed = new Span();
    /** Opened from a figure elsewhere: one team's households only; only those due within so many days. */
    private Team team;
    private Integer dueWithinDays;

    VisitsView(DueVisits dueVisits, Visits visits, Attachments attachments, Clock clock, Organisation organisation) {
        this.organisation = organisation;
        this.dueVisits = dueVisits;
        this.visits = visits;
        this.attachments = attachments;
        this.clock = clock;
        setId("visits-view");
        addClassName("bf-page");
        setPadding(true);
        overdueOnly.setLabel(getTranslation("visits.overdueOnly"));
        overdueOnly.setId("visits-overdue-only");
        // the team leader's overview: who has not been visited within the due period
        SignedInUser user = CurrentUser.require();
        teamMember = user.hasRole(Role.TEAM_MEMBER) || user.hasRole(Role.TEAM_LEADER);
        overdueOnly.setValue(!user.hasRole(Role.TEAM_MEMBER) && !ofTeam(dueVisits.list(true)).isEmpty());
        overdueOnly.addValueChangeListener(e -> refresh());
        summary.setId("visits-summary");
        cards.setId("visits-cards");
        cards.setWidthFull();
        cards.getStyle().set("display", "grid").set("gap", "var(--lumo-space-m)")
                .set("grid-template-columns", "repeat(auto-fill, minmax(min(100%, 22rem), 1fr))");
        narrowed.setId("visits-narrowed");
        narrowed.setVisible(false);
        HorizontalLayout head = new HorizontalLayout(summary, overdueOnly, narrowed);
        head.setWrap(true);
        head.setAlignItems(Alignment.CENTER);
        add(head, cards);
        refresh();
    }

    /**
     * The list opened from a figure elsewhere (the dashboard): {@code team} (an id), {@code due=overdue} (past their
     * due date) or {@code due=soon} with {@code days} (due from today to so many days ahead).
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        team = AddressQuery.number(query, "team").flatMap(id -> organisation.teams().stream().filter(t -> t.id() == id).findFirst()).orElse(null);
        Optional<String> due = query.getSingleParameter("due");
        if (due.filter("overdue"::equals).isPresent()) {
            overdueOnly.setValue(true);
        } else if (due.filter("soon"::equals).isPresent()) {
            overdueOnly.setValue(false);
            dueWithinDays = query.getSingleParameter("days").filter(v -> v.matches("\\d{1,3}")).map(Integer::valueOf)
                    .orElse(7);
        }
        List<String> narrowing = new ArrayList<>();
        if (team != null) {
            narrowing.add(team.name());
        }
        if (dueWithinDays != null) {
            narrowing.add(getTranslation("visits.dueWithin", dueWithinDays));
        }
        narrowed.setText(String.join(" · ", narrowing));
        narrowed.setVisible(!narrowing.isEmpty());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.visits");
    }

    /** The households of the team asked for (all the caller's when none was) among {@code due}. */
    private List<DueVisit> ofTeam(List<DueVisit> due) {
        return due.stream().filter(d -> team == null || team.name().equals(d.teamName())).toList();
    }

    private void refresh() {
        LocalDate today = LocalDate.now(clock);
        List<DueVisit> all = ofTeam(dueVisits.list(false));
        long overdue = all.stream().filter(d -> d.daysOverdue(today) > 0).count();
        summary.setText(getTranslation("visits.summary", today.toString(), all.size(), overdue));
        List<DueVisit> due = all.stream()
                .filter(d -> !overdueOnly.getValue() || d.daysOverdue(today) > 0)
                .filter(d -> dueWithinDays == null || (d.daysOverdue(today) <= 0 && -d.daysOverdue(today) <= dueWithinDays))
                .toList();
        cards.removeAll();
        if (due.isEmpty()) {
            cards.add(new Paragraph(getTranslation(overdueOnly.getValue() ? "visits.noneOverdue" : "visits.none")));
        }
        due.forEach(d -> cards.add(card(d, today)));
    }

    private Div card(DueVisit d, LocalDate today) {
        Div card = new Div();
        card.setId("visit-card-" + d.householdId());
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("background", "var(--lumo-base-color)");
        Span name = new Span(d.headName() + " · " + d.fileNo());
        name.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        long days = d.daysOverdue(today);
        Span state = d.visitedOn(today) ? Badges.of(getTranslation("visits.visitedToday"), "success")
                : days > 0 ? Badges.of(getTranslation("visits.overdue", days), "error")
                : days == 0 ? Badges.of(getTranslation("visits.dueToday"), "warning")
                : Badges.of(getTranslation("visits.dueIn", -days), "contrast");
        HorizontalLayout title = new HorizontalLayout(name, state);
        title.setWrap(true);
        title.setAlignItems(Alignment.CENTER);
        Paragraph where = new Paragraph(d.villageName() + (d.address() == null ? "" : " · " + d.address()) + " · "
                + d.teamName());
        Paragraph when = new Paragraph(getTranslation("visits.last",
                d.lastVisitedOn() == null ? getTranslation("visits.never") : d.lastVisitedOn().toString(),
                d.dueBy().toString()));
        where.getStyle().set("margin", "var(--lumo-space-xs) 0");
        when.getStyle().set("margin", "var(--lumo-space-xs) 0").set("color", "var(--lumo-secondary-text-color)");
        Button record = new Button(getTranslation("handbook.visit.add"), VaadinIcon.CAMERA.create(),
                e -> new VisitDialog(visits, attachments, d.householdId(), d.headName(), null, LocalDate.now(clock),
                        this::refresh).open());
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        record.setMinHeight("48px");
        record.setId("visit-record-" + d.householdId());
        Button open = new Button(getTranslation("handbook.tab"), VaadinIcon.BOOK.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("households/" + d.householdId(), QueryParameters.of("tab", HandbookTab.NAME))));
        open.addThemeVariants(ButtonVariant.LUMO_LARGE);
        open.setMinHeight("48px");
        open.setId("visit-open-" + d.householdId());
        HorizontalLayout buttons = new HorizontalLayout(record, open);
        buttons.setWrap(true);
        record.setVisible(teamMember);
        card.add(title, where, when, buttons);
        return card;
    }
}
