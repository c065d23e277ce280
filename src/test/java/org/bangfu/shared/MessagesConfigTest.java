package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;

import org.bangfu.testsupport.MessageBundles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.context.MessageSource;

/** Whole numbers put into messages (years, ids, rounds) are written as they are: 2027 年, never 2,027 年. */
class MessagesConfigTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages = messages();

    /** As application.yml sets it up. */
    private static MessageSource messages() {
        MessageSourceProperties properties = new MessageSourceProperties();
        properties.setBasename(List.of("org.bangfu.*.messages"));
        properties.setEncoding(StandardCharsets.UTF_8);
        properties.setFallbackToSystemLocale(false);
        MessagesConfig config = new MessagesConfig();
        try {
            return config.messageSource(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aStarInTheBasenameFindsEveryModulesBundleAndOtherBasenamesAreKeptAsTheyAre() throws IOException {
        assertThat(MessagesConfig.basenames(List.of("org.bangfu.*.messages")))
                .containsExactly(MessageBundles.basenames()).contains("org.bangfu.shared.messages");
        assertThat(MessagesConfig.basenames(List.of("messages", "org.bangfu.*.messages"))).first()
                .isEqualTo("messages");
    }

    @Test
    void textsFromEveryModuleAreInChineseUnlessEnglishIsAskedForWhateverTheServersLanguage() {
        Locale server = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            assertThat(messages.getMessage("nav.home", null, CHINESE)).isEqualTo("工作台");
            assertThat(messages.getMessage("household.tab.basics", null, Locale.FRENCH)).isEqualTo("基本信息");
            assertThat(messages.getMessage("nav.home", null, Locale.ENGLISH)).isEqualTo("Workbench");
            assertThat(messages.getMessage("household.tab.basics", null, Locale.UK)).isEqualTo("Basics");
        } finally {
            Locale.setDefault(server);
        }
    }

    @Test
    void aKeyIsFoundInTheSameBundleAsWhenEachBundleWasTriedInTurn() {
        MessagesConfig.PlainNumbersMessageSource messages = new MessagesConfig.PlainNumbersMessageSource();
        messages.setBasenames("messagestest.one.messages", "messagestest.two.messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        assertThat(messages.getMessage("both", null, CHINESE)).isEqualTo("一");
        assertThat(messages.getMessage("both", null, Locale.ENGLISH)).isEqualTo("one");
        assertThat(messages.getMessage("second", new Object[] { 2027 }, CHINESE)).isEqualTo("二 2027");
        assertThat(messages.getMessage("second", new Object[] { 2027 }, Locale.ENGLISH)).isEqualTo("two 2027");
        assertThat(messages.getMessage("chineseOnly", null, Locale.ENGLISH)).isEqualTo("只有中文");
        assertThat(messages.getMessage("englishOnly", null, Locale.ENGLISH)).isEqualTo("English only");
        assertThat(messages.getMessage("englishOnly", null, "!englishOnly!", CHINESE)).isEqualTo("!englishOnly!");
    }

    @Test
    void aYearOrAnIdInAPlainPlaceholderIsNotGrouped() {
        assertThat(messages.getMessage("calendar.reminder.title", new Object[] { 2027 }, CHINESE))
                .isEqualTo("2027年节假日安排尚未录入");
        assertThat(messages.getMessage("calendar.import.done", new Object[] { 2027L }, CHINESE)).contains("2027 年")
                .doesNotContain("2,027");
        assertThat(messages.getMessage("calendar.reminder.title", new Object[] { 2027 }, Locale.ENGLISH))
                .isEqualTo("The 2027 holidays are not entered yet");
    }

    @Test
    void patternsMessagesAskForAndOtherValuesAreWrittenAsBefore() {
        assertThat(messages.getMessage("dashboard.money.caption", new Object[] { 2027 }, CHINESE)).startsWith("2027 年度");
        assertThat(messages.getMessage("funds.ledger.countSum", new Object[] { 3, "1,200.50" }, CHINESE))
                .isEqualTo("共 3 条，合计 1,200.50 元");
        assertThat(messages.getMessage("funds.balance.year", new Object[] { new BigDecimal("1234.5") }, CHINESE))
                .isEqualTo("1,234.5 年");
    }

    @Test
    void aWholeNumberInAPlainPlaceholderReadsBackAsItWasWritten() throws ParseException {
        MessageFormat format = new MessagesConfig.PlainNumbersMessageSource()
                .createMessageFormat("第 {0} 轮", CHINESE);
        assertThat(format.parse("第 2027 轮")).containsExactly(2027L);
    }
}
