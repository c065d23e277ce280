package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void readsAmountsAsPeopleTypeThem() {
        assertThat(Money.parse("1,200.50")).isEqualTo(Money.ofFen(120_050));
        assertThat(Money.parse("¥300")).isEqualTo(Money.ofYuan(300));
        assertThat(Money.parse(" 280000 元")).isEqualTo(Money.ofYuan(280_000));
        assertThat(Money.parse("0.1")).isEqualTo(Money.ofFen(10));
        assertThat(Money.parse("0")).isEqualTo(Money.ZERO);
    }

    @Test
    void refusesWhatIsNotAnAmountOfYuanAndFen() {
        assertThat(Money.problem("")).contains("money.required");
        assertThat(Money.problem("12.345")).contains("money.fen");
        assertThat(Money.problem("-5")).contains("money.invalid");
        assertThat(Money.problem("1e3")).contains("money.invalid");
        assertThat(Money.problem("五百")).contains("money.invalid");
        assertThat(Money.problem("99999999999999")).contains("money.invalid");
        assertThatThrownBy(() -> Money.of(new BigDecimal("0.001"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofFen(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheApisAmountsOnlyAsPlainDigitsWithAtMostTwoDecimals() {
        assertThat(Money.parseStrict("1000.00")).isEqualTo(Money.ofYuan(1000));
        assertThat(Money.parseStrict("1000")).isEqualTo(Money.ofYuan(1000));
        assertThat(Money.parseStrict("0.5")).isEqualTo(Money.ofFen(50));
        for (String loose : new String[] { "1,000.00", " 1.00", "1.00 ", "¥300", "300元", "1 000", "+1", "-1", "1e3",
                "1.", ".5", "１２", "0x10", "" }) {
            assertThat(Money.strictProblem(loose)).as(loose).isPresent();
            assertThatThrownBy(() -> Money.parseStrict(loose)).as(loose).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Money.strictProblem("12.345")).contains("money.fen");
        assertThat(Money.strictProblem("1,000.00")).contains("money.strict");
        assertThat(Money.strictProblem(null)).contains("money.required");
    }

    @Test
    void travelsInJsonAsAStringAndIsReadBackOnlyFromOne() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.writeValueAsString(Money.ofFen(120_050))).isEqualTo("\"1200.50\"");
        assertThat(json.readValue("\"1200.50\"", Money.class)).isEqualTo(Money.ofFen(120_050));
        for (String refused : new String[] { "1.5", "1200", "\"1,000.00\"", "\" 1.00\"", "{}", "[]", "true" }) {
            assertThatThrownBy(() -> json.readValue(refused, Money.class)).as(refused)
                    .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
        }
    }

    @Test
    void addsAndSubtractsExactlyInFen() {
        // 0.1 + 0.2 is 0.30 here, not 0.30000000000000004
        assertThat(Money.parse("0.1").plus(Money.parse("0.2"))).isEqualTo(Money.parse("0.3"));
        assertThat(Money.ofYuan(780_000).minus(Money.ofYuan(280_000))).isEqualTo(Money.ofYuan(500_000));
        assertThatThrownBy(() -> Money.ofYuan(1).minus(Money.ofYuan(2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.ofYuan(1).isLessThan(Money.ofYuan(2))).isTrue();
        assertThat(Money.of(new BigDecimal("12.50"))).isEqualTo(Money.of(new BigDecimal("12.5")));
    }

    @Test
    void showsGroupedYuanWithTwoDecimals() {
        assertThat(Money.ofFen(78_000_000).format()).isEqualTo("780,000.00");
        assertThat(Money.ofFen(5).format()).isEqualTo("0.05");
        assertThat(Money.ofFen(120_050).yuan()).isEqualByComparingTo("1200.50");
        assertThat(Money.ofFen(120_050).toString()).isEqualTo("1200.50");
    }
}
