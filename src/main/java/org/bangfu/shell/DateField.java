package org.bangfu.shell;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.bangfu.shell.DateField;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.datepicker.DatePicker;

/**
 * Bangfu's date picker, the only one the screens use: its calendar speaks the person's language (Chinese month
 * and weekday names, 今天/取消, weeks from Monday), dates read and are typed as 2026-12-07 (2026/12/7 and
 * 2026.12.7 are understood too), and typing works on a phone. A picker opening by itself goes full screen on a
 * small screen and makes its input read-only there; this one opens from its calendar icon only, so the keyboard
 * can be used on a phone as on a desktop.
 */
public class DateField extends DatePicker {

    /** The typed forms understood, the first also the one shown. */
    static final String[] FORMATS = { "yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d" };

    public DateField() {
        this(null, null);
    }

    public DateField(String label) {
        this(label, null);
    }

    public DateField(String label, LocalDate value) {
        super(label, value);
        setAutoOpen(false);
        setI18n(texts(key -> getTranslation(key)));
    }

    /** The picker's texts, from the message bundles through {@code translation}. */
    static DatePickerI18n texts(UnaryOperator<String> translation) {
        return new DatePickerI18n()
                .setMonthNames(Arrays.asList(translation.apply("datePicker.months").split(",")))
                .setWeekdays(Arrays.asList(translation.apply("datePicker.weekdays").split(",")))
                .setWeekdaysShort(Arrays.asList(translation.apply("datePicker.weekdaysShort").split(",")))
                .setFirstDayOfWeek(1)
                .setToday(translation.apply("datePicker.today"))
                .setCancel(translation.apply("datePicker.cancel"))
                .setBadInputErrorMessage(translation.apply("datePicker.badInput"))
                .setDateFormats(FORMATS[0], Arrays.copyOfRange(FORMATS, 1, FORMATS.length));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // the calendar's heading (2026年十二月, December 2026) is written in the browser; the connector keeps it
        // when it merges the texts above into the element's own
        getElement().executeJs("const title = $0; this.i18n = Object.assign({}, this.i18n, {formatTitle: "
                + "(month, year) => title.replace('{0}', month).replace('{1}', year)})", getTranslation("datePicker.title"));
    }
}
