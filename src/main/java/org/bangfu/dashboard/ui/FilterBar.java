package org.bangfu.dashboard.ui;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.bangfu.dashboard.DashboardFilter;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.AddressQuery;
import org.bangfu.shell.DateField;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.QueryParameters;

/**
 * The dashboard's filters: a period, a street and a team, applied to every figure at once. A street officer's street
 * and a team's team are fixed (their fields not shown); a street officer chooses among their street's teams. The
 * filters read from and write to the address's query ({@code from}, {@code to}, {@code street}, {@code team}), so a
 * filtered dashboard can be bookmarked and sent on.
 */
final class FilterBar extends FlexLayout {

    private final DatePicker from = new DateField();
    private final DatePicker to = new DateField();
    private final ComboBox<Street> street = new ComboBox<>();
    private final ComboBox<Team> team = new ComboBox<>();
    private final DashboardFilter defaults;
    private final Consumer<DashboardFilter> changed;
    private boolean reading;

    FilterBar(DashboardFilter defaults, Organisation organisation, SignedInUser user, Consumer<DashboardFilter> changed) {
        this.defaults = defaults;
        this.changed = changed;
        addClassName("bf-filters");
        setFlexWrap(FlexWrap.WRAP);
        setId("dash-filters");
        from.setLabel(getTranslation("dashboard.filter.from"));
        to.setLabel(getTranslation("dashboard.filter.to"));
        from.setId("dash-from");
        to.setId("dash-to");
        from.setValue(defaults.from());
        to.setValue(defaults.to());
        street.setLabel(getTranslation("field.streetId"));
        street.setPlaceholder(getTranslation("filter.all"));
        street.setItems(organisation.streets());
        street.setItemLabelGenerator(Street::name);
        street.setClearButtonVisible(true);
        street.setId("dash-street");
        List<Team> teams = user.hasRole(Role.STREET)
                ? organisation.teams().stream().filter(t -> user.streetId().equals(t.streetId())).toList()
                : organisation.teams();
        team.setLabel(getTranslation("field.teamId"));
        team.setPlaceholder(getTranslation("filter.all"));
        team.setItems(teams);
        team.setItemLabelGenerator(Team::name);
        team.setClearButtonVisible(true);
        team.setId("dash-team");
        boolean wholeDistrict = !user.hasRole(Role.STREET) && !user.hasRole(Role.TEAM_MEMBER)
                && !user.hasRole(Role.TEAM_LEADER);
        street.setVisible(wholeDistrict);
        team.setVisible(!user.hasRole(Role.TEAM_MEMBER) && !user.hasRole(Role.TEAM_LEADER));
        street.addValueChangeListener(e -> {
            if (e.getValue() != null && team.getValue() != null && !Long.valueOf(e.getValue().id()).equals(team.getValue().streetId())) {
                team.clear();
            }
            apply();
        });
        team.addValueChangeListener(e -> apply());
        from.addValueChangeListener(e -> apply());
        to.addValueChangeListener(e -> apply());
        add(from, to, street, team);
    }

    /** Takes the filters from an address's query; what is not there, or not valid, keeps its default. */
    void read(QueryParameters query) {
        reading = true;
        try {
            AddressQuery.date(query, "from").ifPresent(from::setValue);
            AddressQuery.date(query, "to").ifPresent(to::setValue);
            AddressQuery.number(query, "street").flatMap(id -> street.getListDataView().getItems().filter(s -> s.id() == id).findFirst())
                    .filter(s -> street.isVisible()).ifPresent(street::setValue);
            AddressQuery.number(query, "team").flatMap(id -> team.getListDataView().getItems().filter(t -> t.id() == id).findFirst())
                    .filter(t -> team.isVisible()).ifPresent(team::setValue);
        } finally {
            reading = false;
        }
    }

    /** The filters as chosen, or empty while the period is not one (a field empty, or the end before the start). */
    Optional<DashboardFilter> value() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        boolean valid = start != null && end != null && !end.isBefore(start);
        to.setInvalid(!valid);
        to.setErrorMessage(valid ? null : getTranslation("dashboard.period.invalid"));
        if (!valid) {
            return Optional.empty();
        }
        return Optional.of(new DashboardFilter(start, end, street.getValue() == null ? null : street.getValue().id(),
                team.getValue() == null ? null : team.getValue().id()));
    }

    /** The filters for an address's query: only what differs from the defaults. */
    static Map<String, String> query(DashboardFilter filter, DashboardFilter defaults) {
        Map<String, String> query = new LinkedHashMap<>();
        if (!filter.from().equals(defaults.from()) || !filter.to().equals(defaults.to())) {
            query.put("from", filter.from().toString());
            query.put("to", filter.to().toString());
        }
        if (filter.streetId() != null) {
            query.put("street", filter.streetId().toString());
        }
        if (filter.teamId() != null) {
            query.put("team", filter.teamId().toString());
        }
        return query;
    }

    DashboardFilter defaults() {
        return defaults;
    }

    private void apply() {
        if (!reading) {
            value().ifPresent(changed);
        }
    }
}
