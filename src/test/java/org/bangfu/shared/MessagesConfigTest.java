package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.context.MessageSource;

/** Whole numbers put into messages (years, ids, rounds) are written as they are: 2027 年, never 2,027 年. */
class MessagesConfigTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages = messages();

    private static MessageSource messages() {
        MessageSourceProperties properties = new MessageSourceProperties();
        properties.setBasename(List.of("messages"));
        properties.setEncoding(StandardCharsets.UTF_8);
        properties.setFallbackToSystemLocale(false);
        MessagesConfig config = new MessagesConfig();
        return config.messageSource(properties);
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
