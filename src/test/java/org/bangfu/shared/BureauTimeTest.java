package org.bangfu.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Times read as in Beijing on a server whose own zone is UTC (surefire runs the tests with
 * {@code -Duser.timezone=UTC}, as the servers run): 02:28 UTC is shown, printed and exported as 10:28.
 */
class BureauTimeTest {

    private static final Instant MORNING_IN_BEIJING = Instant.parse("2026-12-07T02:28:00Z");
    private static final Instant AFTER_MIDNIGHT_IN_BEIJING = Instant.parse("2026-12-07T17:05:00Z");

    @AfterEach
    void bureauZoneAsConfiguredByDefault() {
        BureauTime.use(BureauTime.DEFAULT_ZONE);
    }

    @Test
    void timesAndDatesAreWrittenOneWayInTheBureausZoneWhateverTheServersZone() {
        assertThat(ZoneId.systemDefault()).as("the tests run as the servers do").isEqualTo(ZoneId.of("UTC"));
        assertThat(BureauTime.time(MORNING_IN_BEIJING)).isEqualTo("2026-12-07 10:28");
        assertThat(BureauTime.time(OffsetDateTime.parse("2026-12-07T02:28:00Z"))).isEqualTo("2026-12-07 10:28");
        assertThat(BureauTime.timeWithSeconds(MORNING_IN_BEIJING.plusSeconds(5))).isEqualTo("2026-12-07 10:28:05");
        assertThat(BureauTime.date(AFTER_MIDNIGHT_IN_BEIJING)).isEqualTo("2026-12-08");
        assertThat(BureauTime.dateOf(AFTER_MIDNIGHT_IN_BEIJING)).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(BureauTime.date(LocalDate.of(2026, 12, 7))).isEqualTo("2026-12-07");
        assertThat(BureauTime.time((Instant) null)).isEmpty();
    }

    @Test
    void theApplicationClockRunsInTheConfiguredZoneSoTodayIsTheBureausToday() {
        new ApplicationContextRunner().withUserConfiguration(TimeConfig.class).run(context -> {
            Clock clock = context.getBean(Clock.class);
            assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        });
        new ApplicationContextRunner().withUserConfiguration(TimeConfig.class)
                .withPropertyValues("bangfu.zone=Asia/Urumqi").run(context -> {
                    assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
                    assertThat(BureauTime.time(MORNING_IN_BEIJING)).isEqualTo("2026-12-07 08:28");
                });
    }

    @Test
    void noCodeReadsTheServersZoneOrItsOwnIdeaOfTheBureaus() {
        noClasses().that().doNotBelongToAnyOf(BureauTime.class)
                .should().callMethod(ZoneId.class, "systemDefault")
                .orShould().callMethod(ZoneId.class, "of", String.class)
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(DateTimeFormatter.class, "ofLocalizedDate", FormatStyle.class)
                .orShould().callMethod(DateTimeFormatter.class, "ofLocalizedDateTime", FormatStyle.class)
                .because("dates and times are the bureau's (BureauTime, or the application's Clock), written one way")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.bangfu"));
    }
}
