package org.bangfu.shell;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.bangfu.testsupport.MessageBundles;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;

/** Bangfu's one date picker: its calendar in the person's language, dates as 2026-12-07, typing on a phone. */
class DateFieldTest {

    private static DatePickerI18n texts(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(MessageBundles.basenames());
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return DateField.texts(key -> messages.getMessage(key, null, locale));
    }

    @Test
    void inChineseTheCalendarHasChineseMonthsAndWeekdaysStartsOnMondayAndSays今天And取消() {
        DatePickerI18n chinese = texts(Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese.getMonthNames()).hasSize(12).startsWith("一月").endsWith("十二月");
        assertThat(chinese.getWeekdays()).hasSize(7).startsWith("星期日");
        assertThat(chinese.getWeekdaysShort()).containsExactly("日", "一", "二", "三", "四", "五", "六");
        assertThat(chinese.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(chinese.getToday()).isEqualTo("今天");
        assertThat(chinese.getCancel()).isEqualTo("取消");
        assertThat(chinese.getBadInputErrorMessage()).contains("2026-12-07");
    }

    @Test
    void inEnglishTheCalendarIsEnglish() {
        DatePickerI18n english = texts(Locale.ENGLISH);
        assertThat(english.getMonthNames()).hasSize(12).startsWith("January").endsWith("December");
        assertThat(english.getWeekdaysShort()).hasSize(7).startsWith("Sun");
        assertThat(english.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(english.getToday()).isEqualTo("Today");
        assertThat(english.getCancel()).isEqualTo("Cancel");
    }

    @Test
    void datesReadAs2026_12_07InEveryLanguageAndTheUsualChineseWaysOfTypingThemAreUnderstood() {
        assertThat(texts(Locale.SIMPLIFIED_CHINESE).getDateFormats()).containsExactly("yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d");
        assertThat(texts(Locale.ENGLISH).getDateFormats()).containsExactly("yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d");
    }

    @Test
    void theCalendarOpensFromItsIconOnlySoThatAPhoneLetsPeopleTypeTheDate() {
        DateField field = new DateField("日期");
        assertThat(field.isAutoOpen()).isFalse();
        assertThat(field.getI18n().getDateFormats()).startsWith("yyyy-MM-dd");
    }

    @Test
    void noScreenMakesADatePickerOfItsOwn() {
        noClasses().that().doNotBelongToAnyOf(DateField.class)
                .should().callConstructorWhere(target(owner(describe("DatePicker",
                        type -> type.isEquivalentTo(DatePicker.class)))))
                .because("DateField gives every picker the bureau's texts, format and typing on a phone")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.bangfu"));
    }
}
