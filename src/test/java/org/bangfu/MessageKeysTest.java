package org.bangfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry;
import org.bangfu.calendar.CalendarDay;
import org.bangfu.comparison.AgencyKind;
import org.bangfu.comparison.Severity;
import org.bangfu.comparison.Warning;
import org.bangfu.dashboard.DashboardSection;
import org.bangfu.funds.FundLedger;
import org.bangfu.funds.FundPayments;
import org.bangfu.funds.FundRequest;
import org.bangfu.funds.Payment;
import org.bangfu.funds.Programme;
import org.bangfu.handbook.Confirmation;
import org.bangfu.handbook.Measure;
import org.bangfu.handbook.Visit;
import org.bangfu.household.Attachments;
import org.bangfu.household.Attribute;
import org.bangfu.household.HouseholdChange;
import org.bangfu.household.HouseholdStage;
import org.bangfu.household.SensitiveField;
import org.bangfu.modeler.Draft;
import org.bangfu.modeler.Finding;
import org.bangfu.modeler.ModelDiff;
import org.bangfu.modeler.ModelEntry;
import org.bangfu.modeler.ModelKind;
import org.bangfu.organisation.AccountStatus;
import org.bangfu.pairing.Notice;
import org.bangfu.pairing.Notification;
import org.bangfu.pairing.Objection;
import org.bangfu.pairing.TaskFilter;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Role;
import org.bangfu.testsupport.MessageBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every message key the code names exists in both languages, so that no screen, document or audit line shows a
 * {@code !key!}: the literal keys of {@code getTranslation}, {@code AuditText} and documents' texts, every value of
 * the enums whose labels are keyed by name, and every field the file's history records. The texts are kept in one
 * bundle per module, each key in one of them only.
 */
class MessageKeysTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** Literal keys: getTranslation("k", …), getTranslation(locale, "k"), AuditText.of/label("k"), text("k") … */
    private static final Pattern LITERAL = Pattern.compile(
            "(?:getTranslation\\((?:[a-zA-Z_.()]+,\\s*)?|AuditText\\.(?:of|label)\\(|\\btext\\(|\\bt\\.get\\(|"
                    + "label\\.apply\\(|getMessage\\()\"([a-zA-Z][a-zA-Z0-9_]*(?:\\.[a-zA-Z0-9_]+)+)\"\\s*[,)]");

    /** Keys built as "prefix." + something.name(). */
    private static final Pattern BY_NAME = Pattern.compile("\"([a-zA-Z0-9_.]+\\.)\" \\+ [a-zA-Z_().]+\\.name\\(\\)");

    /** The enums whose values are labelled by prefix + name. */
    private static final Map<String, Class<? extends Enum<?>>> LABELLED = Map.ofEntries(
            Map.entry("stage.", HouseholdStage.class),
            Map.entry("change.", HouseholdChange.Kind.class),
            Map.entry("attribute.", Attribute.class),
            Map.entry("sensitive.", SensitiveField.class),
            Map.entry("attachment.kind.", Attachments.Kind.class),
            Map.entry("audit.action.", AuditAction.class),
            Map.entry("audit.outcome.", AuditEntry.Outcome.class),
            Map.entry("role.", Role.class),
            Map.entry("gender.", IdNumber.Gender.class),
            Map.entry("funds.programme.", Programme.class),
            Map.entry("funds.kind.", FundLedger.Kind.class),
            Map.entry("funds.status.", FundRequest.Status.class),
            Map.entry("funds.payment.status.", Payment.Status.class),
            Map.entry("funds.download.", FundPayments.FileFormat.class),
            Map.entry("handbook.visit.kind.", Visit.Kind.class),
            Map.entry("handbook.confirmation.", Confirmation.class),
            Map.entry("handbook.measure.status.", Measure.Status.class),
            Map.entry("task.notice.", Notice.Level.class),
            Map.entry("notice.status.", Notice.Status.class),
            Map.entry("objection.channel.", Objection.Channel.class),
            Map.entry("notification.kind.", Notification.Kind.class),
            Map.entry("task.view.", TaskFilter.View.class),
            Map.entry("modeler.status.", Draft.Status.class),
            Map.entry("modeler.source.", ModelEntry.Source.class),
            Map.entry("modeler.kind.", ModelKind.class),
            Map.entry("modeler.diff.", ModelDiff.Kind.class),
            Map.entry("modeler.check.source.", Finding.Source.class),
            Map.entry("comparison.severity.", Severity.class),
            Map.entry("comparison.consequence.", Warning.Consequence.class),
            Map.entry("calendar.kind.", CalendarDay.Kind.class),
            Map.entry("agency.kind.", AgencyKind.class),
            Map.entry("accounts.status.", AccountStatus.class),
            Map.entry("report.section.", DashboardSection.class));

    /** Prefixes used with some values of an enum only (or with names that are not an enum's): checked by hand. */
    private static final Map<String, List<String>> PARTLY = Map.of(
            "comparison.decision.", List.of("CONFIRMED", "DISMISSED"),
            "handbook.confirmation.missing.", List.of(),
            "modeler.refused.status.", List.of(),
            "modeler.origin.", List.of(Draft.Origin.ROLLBACK.name(), Draft.Origin.RELEASE.name()),
            "form.field.", List.of(),
            "form.choice.", List.of());

    /** The fields the file's history records ("field." + name). */
    private static final Pattern HISTORY_FIELD = Pattern.compile(
            "(?:diff\\(changes, |Kind\\.[A-Z_]+, [^,;]+, )\"([a-zA-Z.]+)\"");

    private static Properties chinese;
    private static Properties english;
    private static List<String> sources;

    @BeforeAll
    static void load() throws IOException {
        chinese = MessageBundles.texts(MessageBundles.CHINESE);
        english = MessageBundles.texts(MessageBundles.ENGLISH);
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(file));
            }
        }
    }

    private static Set<String> matches(Pattern pattern) {
        Set<String> found = new TreeSet<>();
        for (String source : sources) {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static List<String> missing(Set<String> keys) {
        return keys.stream().filter(k -> !chinese.containsKey(k) || !english.containsKey(k))
                .map(k -> k + (chinese.containsKey(k) ? "" : " (zh)") + (english.containsKey(k) ? "" : " (en)")).toList();
    }

    @Test
    void everyLiteralKeyIsInBothBundles() {
        Set<String> keys = matches(LITERAL);
        assertThat(keys).hasSizeGreaterThan(500).contains("audit.detail.fundDecided", "nav.audit");
        assertThat(missing(keys)).isEmpty();
    }

    @Test
    void everyValueOfALabelledEnumHasItsKeyInBothBundles() {
        Set<String> keys = new TreeSet<>();
        LABELLED.forEach((prefix, type) -> Arrays.stream(type.getEnumConstants())
                .forEach(value -> keys.add(prefix + value.name())));
        PARTLY.forEach((prefix, values) -> values.forEach(value -> keys.add(prefix + value)));
        assertThat(missing(keys)).isEmpty();
    }

    @Test
    void everyPrefixBuiltFromAnEnumNameIsKnownHere() {
        Set<String> prefixes = matches(BY_NAME);
        assertThat(prefixes).contains("stage.", "change.");
        assertThat(prefixes).allSatisfy(prefix -> assertThat(LABELLED.containsKey(prefix) || PARTLY.containsKey(prefix))
                .as("%s: add its enum to LABELLED", prefix).isTrue());
    }

    @Test
    void everyFieldTheHistoryRecordsHasALabel() {
        Set<String> fields = matches(HISTORY_FIELD);
        assertThat(fields).contains("filingNo", "stage", "teamId", "member.relation");
        Set<String> keys = new TreeSet<>();
        fields.forEach(field -> keys.add("field." + field));
        assertThat(missing(keys)).isEmpty();
    }

    /** Each module's texts in a bundle of its own; a key in two bundles would be read from whichever comes first. */
    @Nested
    class Bundles {

        @Test
        void everyBundleBelongsToAModuleAndNoTextsAreKeptOutsideThem() throws IOException {
            assertThat(MessageBundles.modules()).hasSizeGreaterThan(10).contains("shared", "shell", "household")
                    .allSatisfy(module -> assertThat(SOURCES.resolve("org/bangfu").resolve(module)).isDirectory());
            try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
                assertThat(files.filter(f -> f.getFileName().toString().matches("messages.*\\.properties"))
                        .filter(f -> !f.getParent().getParent().equals(MessageBundles.FOLDER)))
                        .as("message bundles outside org/bangfu/<module>/").isEmpty();
            }
        }

        @Test
        void everyModulesBundleHasTheSameKeysInChineseAndEnglish() {
            for (String module : MessageBundles.modules()) {
                assertThat(MessageBundles.file(module, MessageBundles.ENGLISH)).exists();
                assertThat(MessageBundles.texts(module, MessageBundles.ENGLISH).keySet()).as(module)
                        .isEqualTo(MessageBundles.texts(module, MessageBundles.CHINESE).keySet());
            }
        }

        @Test
        void noBundleDefinesAKeyTwice() {
            for (String module : MessageBundles.modules()) {
                for (String language : List.of(MessageBundles.CHINESE, MessageBundles.ENGLISH)) {
                    List<String> keys = MessageBundles.definitions(module, language);
                    assertThat(keys).as(module + language).doesNotHaveDuplicates();
                }
            }
        }

        @Test
        void everyKeyLivesInOneBundleOnly() {
            Map<String, List<String>> bundles = new TreeMap<>();
            for (String module : MessageBundles.modules()) {
                MessageBundles.texts(module, MessageBundles.CHINESE).stringPropertyNames()
                        .forEach(key -> bundles.computeIfAbsent(key, k -> new ArrayList<>()).add(module));
            }
            assertThat(bundles).hasSizeGreaterThan(1500);
            assertThat(bundles).allSatisfy((key, modules) -> assertThat(modules).as(key).hasSize(1));
        }
    }
}
