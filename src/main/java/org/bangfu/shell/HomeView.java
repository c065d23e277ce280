package org.bangfu.shell;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.SignedInUser;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;

import jakarta.annotation.security.PermitAll;

/** 工作台: who you are, what your role does, and a card for each place you may go. */
@Route(value = "", layout = MainLayout.class)
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView() {
        SignedInUser user = CurrentUser.require();
        setId("home-view");
        addClassName("bf-page");

        H2 greeting = new H2(getTranslation("home.greeting", user.displayName()));
        greeting.setId("home-greeting");
        Paragraph duties = new Paragraph(getTranslation("role." + user.role().name() + ".duties"));
        duties.setId("home-duties");

        Div cards = new Div();
        cards.addClassName("bf-cards");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (entry.menuClass() == HomeView.class) {
                continue;
            }
            RouterLink card = new RouterLink();
            card.setRoute(entry.menuClass());
            card.addClassName("bf-card");
            if (entry.icon() != null) {
                card.add(new Icon(entry.icon()));
            }
            card.add(new Span(getTranslation(entry.title())));
            cards.add(card);
        }
        add(greeting, new Span(getTranslation("role." + user.role().name())), duties, cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home");
    }
}
