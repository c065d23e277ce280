package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What Bangfu writes as CSV opens in a spreadsheet as the text it is, never as a formula, and reads back as written. */
class CsvTest {

    private static String text(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = { "=HYPERLINK(\"http://evil.example/\",\"点击核对\")", "+1+1", "-2+3", "@SUM(A1:A2)",
            "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0" })
    void aCellAFormulaCouldStartWithIsQuotedAndPrefixedSoItStaysText(String value) throws Exception {
        String csv = text(Csv.write(List.of("payee", "amount"), List.<String[]>of(new String[] { value, "1200.50" })));

        String expected = "\"'" + value.replace("\"", "\"\"") + "\"";
        assertThat(csv).contains("\r\n" + expected + ",1200.50\r\n");
        TableFile read = TableFile.read(Csv.write(List.of("payee", "amount"), List.<String[]>of(new String[] { value,
                "1200.50" })));
        assertThat(read.lines().get(0).cell(0)).isEqualTo("'" + value);
        assertThat(read.lines().get(0).cell(1)).isEqualTo("1200.50");
    }

    @Test
    void numbersReferencesAndNamesAreWrittenAsTheyAre() throws Exception {
        byte[] csv = Csv.write(List.of("payee", "account", "amount", "reference"), List.<String[]>of(
                new String[] { "阿卜杜·热合曼", "6217001234567890123", "1200.50", "ZF00000123-1" },
                new String[] { "王, \"小\"明", null, "0.05", "ZF00000124-2" }));

        assertThat(csv[0] & 0xFF).as("a byte-order mark, so that Excel reads UTF-8").isEqualTo(0xEF);
        assertThat(text(csv)).isEqualTo("\uFEFFpayee,account,amount,reference\r\n"
                + "阿卜杜·热合曼,6217001234567890123,1200.50,ZF00000123-1\r\n"
                + "\"王, \"\"小\"\"明\",,0.05,ZF00000124-2\r\n");
        TableFile read = TableFile.read(csv);
        assertThat(read.headers()).containsExactly("payee", "account", "amount", "reference");
        assertThat(read.lines()).extracting(line -> String.join("|", line.cells()))
                .containsExactly("阿卜杜·热合曼|6217001234567890123|1200.50|ZF00000123-1", "王, \"小\"明||0.05|ZF00000124-2");
    }

    @Test
    void aHeaderIsNeutralisedLikeAnyOtherCell() {
        assertThat(text(Csv.write(List.of("=1+1"), List.of()))).isEqualTo("\uFEFF\"'=1+1\"\r\n");
    }
}
