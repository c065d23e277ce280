package org.bangfu.shell;

import java.util.List;
import java.util.Optional;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.SignedInUser;

import com.vaadin.flow.component.Component;
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

/**
 * 工作台: who you are, what your role does, then the modules' sections for the role (the dashboard's figures of the
 * reader's district, street or team; a team's work owed today), or, for a role no module has a section for, a card
 * for each place the role may go.
 */
@Route(value = "", layout = MainLayout.class)
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(List<LandingSection> sections) {
        SignedInUser user = CurrentUser.require();
        setId("home-view");
        addClassName("bf-page");

        H2 greeting = new H2(getTranslation("home.greeting", user.displayName()));
        greeting.setId("home-greeting");
        Paragraph duties = new Paragraph(getTranslation("role." + user.role().name() + ".duties"));
        duties.setId("home-duties");

        add(greeting, new Span(getTranslation("role." + user.role().name())), duties);
        List<Component> shown = sections.stream().map(s -> s.section(user)).flatMap(Optional::stream).toList();
        if (!shown.isEmpty()) {
            shown.forEach(this::add);
            return;
        }
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
        add(cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home");
    }
}
