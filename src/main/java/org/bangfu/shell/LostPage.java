package org.bangfu.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in person sees at an address that leads nowhere for them, whether no page is there or the page is
 * not for their role: inside the usual frame with its menu, in their language, with the way back to 工作台 or to
 * where they were. Both cases read alike, so an address does not tell who may not enter whether a page exists.
 * Someone not signed in is sent to sign in before any of this (Spring Security, and Vaadin's access control).
 */
abstract class LostPage extends VerticalLayout implements HasDynamicTitle {

    LostPage() {
        setId("lost-page");
        addClassName("bf-page");
        H2 title = new H2(getTranslation("lost.title"));
        Paragraph explanation = new Paragraph(getTranslation("lost.explanation"));
        Button home = new Button(getTranslation("lost.home"), VaadinIcon.HOME.create(),
                e -> UI.getCurrent().navigate(HomeView.class));
        home.setId("lost-home");
        home.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("lost.back"), VaadinIcon.ARROW_BACKWARD.create(),
                e -> UI.getCurrent().getPage().getHistory().back());
        back.setId("lost-back");
        home.setMinHeight("44px");
        back.setMinHeight("44px");
        HorizontalLayout actions = new HorizontalLayout(home, back);
        actions.setWrap(true);
        add(title, explanation, actions);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lost.title");
    }

    /** No page at this address. */
    @ParentLayout(MainLayout.class)
    @PermitAll
    static class NotFound extends LostPage implements HasErrorParameter<NotFoundException> {

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
    }

    /** A page the person's role may not enter (Vaadin's access control reroutes here). */
    @ParentLayout(MainLayout.class)
    @PermitAll
    static class NotYours extends LostPage implements HasErrorParameter<AccessDeniedException> {

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
    }
}
