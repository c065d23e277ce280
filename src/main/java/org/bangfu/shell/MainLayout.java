package org.bangfu.shell;

import java.util.List;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/**
 * The frame around every view after sign-in: the navigation lists only the views the person's role may
 * enter (from each view's {@code @Menu} and access annotations, so no link is ever dead), and the user
 * menu offers password change, language and sign-out.
 */
@PermitAll
public class MainLayout extends AppLayout {

    private final transient AuthenticationContext authentication;
    private final transient List<HeaderWidget> widgets;
    private final Span viewTitle = new Span();

    public MainLayout(AuthenticationContext authentication, List<HeaderWidget> widgets) {
        this.authentication = authentication;
        this.widgets = widgets;
        setPrimarySection(Section.DRAWER);
        addToNavbar(true, header());
        addToDrawer(brand(), new Scroller(navigation()));
    }

    private Component header() {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        viewTitle.addClassName("bf-view-title");
        HorizontalLayout bar = new HorizontalLayout(toggle, viewTitle);
        widgets.stream().map(HeaderWidget::create).filter(java.util.Objects::nonNull).forEach(bar::add);
        bar.add(userMenu());
        bar.setWidthFull();
        bar.setAlignItems(Alignment.CENTER);
        bar.expand(viewTitle);
        bar.addClassName("bf-navbar");
        return bar;
    }

    private Component brand() {
        Div brand = new Div();
        brand.addClassName("bf-brand");
        Span name = new Span(getTranslation("app.name"));
        name.addClassName("bf-brand-name");
        Span subtitle = new Span(getTranslation("app.subtitle"));
        subtitle.addClassName("bf-brand-subtitle");
        brand.add(name, subtitle);
        return brand;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && !entry.icon().isBlank()) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        if (authentication.hasRole(Role.Names.ADMIN)) {
            SideNavItem camunda = new SideNavItem(getTranslation("nav.camunda"), "/camunda/app/cockpit/default/");
            camunda.setPrefixComponent(VaadinIcon.COGS.create());
            camunda.setRouterIgnore(true);
            nav.addItem(camunda);
        }
        return nav;
    }

    private Component userMenu() {
        SignedInUser user = CurrentUser.require();
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        // on a phone the icon alone, so that the page title keeps its room in the bar
        Span name = new Span(user.displayName());
        name.addClassName("bf-user-name");
        Div who = new Div(VaadinIcon.USER.create(), name);
        who.addClassName("bf-user");
        who.getElement().setAttribute("title", user.displayName());
        SubMenu items = menu.addItem(who).getSubMenu();
        items.addItem(new Span(getTranslation("role." + user.role().name()))).setEnabled(false);
        items.addItem(getTranslation("layout.changePassword"),
                e -> getUI().ifPresent(ui -> ui.navigate("account/password")));
        items.addItem(getTranslation("layout.otherLanguage"),
                e -> Language.choose(getLocale().getLanguage().equals("en") ? Translations.CHINESE : Translations.ENGLISH));
        items.addItem(getTranslation("layout.logout"), e -> authentication.logout()).setId("logout");
        return menu;
    }

    @Override
    protected void afterNavigation() {
        super.afterNavigation();
        viewTitle.setText(getContent() == null ? "" : MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }
}
