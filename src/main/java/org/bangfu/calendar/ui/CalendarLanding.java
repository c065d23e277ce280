package org.bangfu.calendar.ui;

import java.util.Optional;
import java.util.OptionalInt;

import org.bangfu.calendar.CalendarReminders;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.LandingSection;
import org.springframework.core.annotation.Order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;

/** On an administrator's landing page from 1 November, while next year's holidays are missing: enter them. */
@org.springframework.stereotype.Component
@Order(5)
class CalendarLanding implements LandingSection {

    private final CalendarReminders reminders;

    CalendarLanding(CalendarReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public Optional<Component> section(SignedInUser user) {
        OptionalInt missing = reminders.missingNextYear();
        if (!user.hasRole(Role.ADMIN) || missing.isEmpty()) {
            return Optional.empty();
        }
        String year = String.valueOf(missing.getAsInt());
        Div card = new Div();
        card.setId("landing-calendar-missing");
        card.getElement().setAttribute("role", "alert");
        card.getStyle().set("border", "1px solid var(--lumo-error-color-50pct)")
                .set("background", "var(--lumo-error-color-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("box-sizing", "border-box")
                .set("width", "100%");
        H3 title = new H3(card.getTranslation("calendar.reminder.title", year));
        title.getStyle().set("margin-top", "var(--lumo-space-xs)");
        Paragraph text = new Paragraph(card.getTranslation("calendar.reminder.text", year));
        RouterLink link = new RouterLink(card.getTranslation("calendar.reminder.link"), WorkingDaysView.class);
        link.setId("landing-calendar-link");
        link.addComponentAsFirst(VaadinIcon.CALENDAR.create());
        card.add(title, text, link);
        return Optional.of(card);
    }
}
