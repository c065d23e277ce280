package org.bangfu.organisation.ui;

import org.bangfu.organisation.AccountAdministration;
import org.bangfu.organisation.AccountAdministration.AccountFilter;
import org.bangfu.organisation.AccountAdministration.AccountLine;
import org.bangfu.organisation.AccountStatus;
import org.bangfu.organisation.Organisation;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 账户管理: the security administrator's list of every account (real name, login, role, street or team, phone,
 * state, last sign-in in the bureau's time, failed attempts), filtered by role, state and text; a new account; a tap
 * on an account opens it to edit, move, deactivate, reactivate, reset its password or unlock it. On a phone each
 * account is one stacked card-like line.
 */
@Route(value = "accounts", layout = MainLayout.class)
@Menu(title = "nav.accounts", order = 70, icon = "vaadin:key")
@RolesAllowed(Role.Names.SECURITY)
class AccountsView extends VerticalLayout implements HasDynamicTitle {

    private final transient AccountAdministration administration;
    private final transient Organisation organisation;
    private final Grid<AccountLine> grid = new Grid<>();
    private final Select<Role> role = new Select<>();
    private final Select<AccountStatus> status = new Select<>();
    private final TextField text = new TextField();
    private final String me = CurrentUser.require().getUsername();

    AccountsView(AccountAdministration administration, Organisation organisation) {
        this.administration = administration;
        this.organisation = organisation;
        setId("accounts-view");
        setSizeFull();
        addClassName("bf-page");

        Button create = new Button(getTranslation("accounts.create"), VaadinIcon.PLUS.create(),
                e -> new NewAccountDialog(administration, organisation, this::refresh).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-account");

        role.setLabel(getTranslation("accounts.filter.role"));
        role.setItems(Role.values());
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption(getTranslation("accounts.filter.all"));
        role.setItemLabelGenerator(r -> r == null ? getTranslation("accounts.filter.all") : getTranslation("role." + r.name()));
        role.setId("filter-role");
        status.setLabel(getTranslation("accounts.filter.status"));
        status.setItems(AccountStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("accounts.filter.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("accounts.filter.all")
                : getTranslation("accounts.status." + s.name()));
        status.setId("filter-status");
        text.setLabel(getTranslation("accounts.filter.text"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setId("filter-text");
        role.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(role, status, text);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("bf-filters");

        grid.addColumn(this::name).setHeader(getTranslation("accounts.name")).setAutoWidth(true);
        grid.addColumn(a -> a.account().username()).setHeader(getTranslation("accounts.username"))
                .setAutoWidth(true);
        grid.addColumn(a -> getTranslation("role." + a.account().role().name()))
                .setHeader(getTranslation("accounts.role")).setAutoWidth(true);
        grid.addColumn(AccountsView::scope).setHeader(getTranslation("accounts.scope")).setAutoWidth(true);
        // a fixed width: the widths are measured on the first rows, which may have no phone
        grid.addColumn(a -> a.account().phone() == null ? "" : a.account().phone())
                .setHeader(getTranslation("accounts.phone")).setWidth("9.5em").setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader(getTranslation("accounts.status")).setAutoWidth(true);
        grid.addColumn(this::lastLogin).setHeader(getTranslation("accounts.lastLogin")).setAutoWidth(true);
        grid.addColumn(a -> a.account().failedAttempts()).setHeader(getTranslation("accounts.failedAttempts"))
                .setAutoWidth(true);
        // on a phone one card says it all: name, role and scope, state, stacked
        ResponsiveGrid.of(grid, "accounts.empty").card(this::summary);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.setId("account-grid");
        grid.addItemClickListener(e -> new AccountDialog(administration, organisation, e.getItem().account().id(),
                e.getItem().account().username().equals(me), this::refresh).open());
        grid.setItems(q -> administration.list(filter(), q.getOffset(), q.getLimit()).stream(),
                q -> administration.count(filter()));
        add(create, filters, grid);
        setFlexGrow(1, grid);
    }

    private AccountFilter filter() {
        return new AccountFilter(role.getValue(), status.getValue(), text.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private String name(AccountLine line) {
        return line.account().displayName()
                + (line.account().username().equals(me) ? " " + getTranslation("accounts.self") : "");
    }

    static String scope(AccountLine line) {
        return line.streetName() != null ? line.streetName() : line.teamName() != null ? line.teamName() : "";
    }

    private String lastLogin(AccountLine line) {
        return line.account().lastLoginAt() == null ? getTranslation("accounts.neverSignedIn")
                : BureauTime.time(line.account().lastLoginAt());
    }

    private Span status(AccountLine line) {
        return badge(line.status(), line);
    }

    private Span badge(AccountStatus state, AccountLine line) {
        Span badge = new Span(state == AccountStatus.LOCKED
                ? getTranslation("accounts.lockedUntil", BureauTime.time(line.account().lockedUntil()))
                : getTranslation("accounts.status." + state.name()));
        badge.getElement().getThemeList().add(switch (state) {
            case ACTIVE -> "badge success";
            case LOCKED -> "badge error";
            case DISABLED -> "badge contrast";
            case MUST_CHANGE_PASSWORD -> "badge";
        });
        badge.addClassName("bf-account-status");
        return badge;
    }

    private Component summary(AccountLine line) {
        return ResponsiveGrid.card(name(line), ResponsiveGrid.line(getTranslation("role." + line.account().role().name()),
                scope(line), line.account().username()), ResponsiveGrid.line(line.account().phone(),
                        getTranslation("accounts.lastLogin") + " " + lastLogin(line)), badge(line.status(), line));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.accounts");
    }
}
