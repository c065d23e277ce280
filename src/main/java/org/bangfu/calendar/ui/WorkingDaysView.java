package org.bangfu.calendar.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.stream.IntStream;

import org.bangfu.calendar.CalendarDay.Kind;
import org.bangfu.calendar.CalendarDay;
import org.bangfu.calendar.CalendarImports;
import org.bangfu.calendar.WorkingDays;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shell.DateField;
import org.bangfu.shell.Keypad;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 节假日安排: the days that differ from the Monday-to-Friday week, by year; administrators add, change and
 * remove them. A small counter shows what a period of working days comes to.
 */
@Route(value = "calendar", layout = MainLayout.class)
@Menu(title = "nav.calendar", order = 66, icon = "vaadin:calendar")
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT })
class WorkingDaysView extends VerticalLayout implements HasDynamicTitle {

    private final transient WorkingDays workingDays;
    private final Select<Integer> year = new Select<>();
    private final Grid<CalendarDay> grid = new Grid<>();
    private final Paragraph missing = new Paragraph();
    private final int thisYear;

    WorkingDaysView(WorkingDays workingDays, CalendarImports imports, Clock clock) {
        this.workingDays = workingDays;
        this.thisYear = LocalDate.now(clock).getYear();
        setId("calendar-view");
        addClassName("bf-page");
        boolean admin = CurrentUser.require().hasRole(Role.ADMIN);
        year.setLabel(getTranslation("calendar.year"));
        year.setItems(IntStream.rangeClosed(thisYear - 1, thisYear + 1).boxed().toList());
        year.setValue(thisYear);
        year.addValueChangeListener(e -> refresh());

        grid.addColumn(CalendarDay::day).setHeader(getTranslation("calendar.day")).setAutoWidth(true);
        grid.addColumn(d -> d.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, getLocale()))
                .setHeader(getTranslation("calendar.weekday")).setAutoWidth(true);
        grid.addColumn(d -> getTranslation("calendar.kind." + d.kind())).setHeader(getTranslation("calendar.kind"))
                .setAutoWidth(true);
        grid.addColumn(CalendarDay::name).setHeader(getTranslation("calendar.name")).setFlexGrow(1);
        ResponsiveGrid<CalendarDay> phone = ResponsiveGrid.of(grid, "calendar.empty");
        if (admin) {
            phone.keep(grid.addComponentColumn(d -> {
                Button clear = new Button(getTranslation("calendar.remove"), e -> {
                    workingDays.clear(d.day());
                    refresh();
                });
                clear.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                return clear;
            }).setAutoWidth(true));
        }
        phone.card(d -> ResponsiveGrid.card(ResponsiveGrid.line(d.day(),
                d.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, getLocale())),
                ResponsiveGrid.line(getTranslation("calendar.kind." + d.kind()), d.name())));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setId("calendar-grid");

        add(new Paragraph(getTranslation("calendar.help")));
        // notice periods that run into next year would count its holidays as working days
        missing.setText(getTranslation("calendar.nextYearMissing", String.valueOf(thisYear + 1)));
        missing.setId("calendar-next-year-missing");
        missing.getStyle().set("color", "var(--lumo-error-text-color)");
        add(missing, counter());
        if (admin) {
            Button importFile = new Button(getTranslation("calendar.import.open"), VaadinIcon.UPLOAD.create(),
                    e -> new CalendarImportDialog(imports, this::imported).open());
            importFile.setId("calendar-import-open");
            importFile.setMinHeight("44px");
            add(editor(), importFile);
        }
        add(year, grid);
        refresh();
    }

    private HorizontalLayout counter() {
        DatePicker from = new DateField(getTranslation("calendar.check"), BureauTime.today());
        TextField days = Keypad.numeric(new TextField(getTranslation("calendar.checkDays")));
        days.setMaxLength(3);
        days.setValue("5");
        days.setId("calendar-days");
        Span result = new Span();
        result.setId("calendar-result");
        Runnable count = () -> {
            int n = days.getValue().isEmpty() ? -1 : Integer.parseInt(days.getValue());
            if (from.getValue() != null && n >= 0 && n <= 366) {
                result.setText(getTranslation("calendar.checkResult", from.getValue(), n, workingDays.plus(from.getValue(), n)));
            } else {
                result.setText("");
            }
        };
        from.addValueChangeListener(e -> count.run());
        days.addValueChangeListener(e -> count.run());
        count.run();
        HorizontalLayout counter = new HorizontalLayout(from, days, result);
        counter.setAlignItems(FlexComponent.Alignment.BASELINE);
        counter.setWrap(true);
        return counter;
    }

    private FormLayout editor() {
        DatePicker day = new DateField(getTranslation("calendar.day"));
        day.setId("calendar-day");
        Select<Kind> kind = new Select<>();
        kind.setLabel(getTranslation("calendar.kind"));
        kind.setId("calendar-kind");
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("calendar.kind." + k));
        kind.setValue(Kind.HOLIDAY);
        TextField name = new TextField(getTranslation("calendar.name"));
        name.setMaxLength(50);
        Button save = new Button(getTranslation("calendar.add"), e -> {
            day.setInvalid(false);
            kind.setInvalid(false);
            name.setInvalid(false);
            try {
                workingDays.set(day.getValue(), kind.getValue(), name.getValue());
                Notification.show(getTranslation("calendar.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                if (day.getValue() != null) {
                    year.setValue(day.getValue().getYear());
                }
                refresh();
            } catch (InvalidInput invalid) {
                for (InvalidInput.FieldError error : invalid.errors()) {
                    String message = getTranslation(error.messageKey());
                    switch (error.field()) {
                        case "day" -> {
                            day.setErrorMessage(message);
                            day.setInvalid(true);
                        }
                        case "kind" -> {
                            kind.setErrorMessage(message);
                            kind.setInvalid(true);
                        }
                        default -> {
                            name.setErrorMessage(message);
                            name.setInvalid(true);
                        }
                    }
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("calendar-save");
        return new FormLayout(day, kind, name, save);
    }

    /** Shows the first year an import replaced, also one beyond the years offered. */
    private void imported(List<Integer> years) {
        int first = years.get(0);
        if (first < thisYear - 1 || first > thisYear + 1) {
            year.setItems(IntStream.rangeClosed(Math.min(first, thisYear - 1), Math.max(first, thisYear + 1)).boxed()
                    .toList());
        }
        if (Integer.valueOf(first).equals(year.getValue())) {
            refresh();
        } else {
            year.setValue(first);
        }
    }

    private void refresh() {
        grid.setItems(workingDays.year(year.getValue()));
        missing.setVisible(!workingDays.hasEntries(thisYear + 1));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.calendar");
    }
}
