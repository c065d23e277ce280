package org.bangfu.shell;

import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;

/** The date picker's own texts (months, weekdays, buttons) in the person's language; dates as 2026-12-07. */
public final class DateTexts {

    private DateTexts() {
    }

    /** Gives the picker its texts, translated through {@code component}, and the ISO date format. */
    public static void apply(DatePicker picker, Component component) {
        DatePickerI18n i18n = new DatePickerI18n();
        i18n.setMonthNames(list(component, "datePicker.months"));
        i18n.setWeekdays(list(component, "datePicker.weekdays"));
        i18n.setWeekdaysShort(list(component, "datePicker.weekdaysShort"));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(component.getTranslation("datePicker.today"));
        i18n.setCancel(component.getTranslation("datePicker.cancel"));
        i18n.setDateFormat("yyyy-MM-dd");
        picker.setI18n(i18n);
    }

    private static List<String> list(Component component, String key) {
        return Arrays.asList(component.getTranslation(key).split(","));
    }
}
