package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person's name may hold, wherever one is entered. */
class PersonNameTest {

    @ParameterizedTest
    @ValueSource(strings = { "陈桂兰", "王 小明", "阿卜杜·热合曼", "买买提・吐尔逊", "欧阳娜娜", "Mary-Jane O'Neil", "José María",
            "D’Angelo", "Nguyễn Văn An", "扎西顿珠", "Ольга", "李〇" })
    void acceptsTheNamesPeopleHave(String name) {
        assertThat(PersonName.problem(name)).isEmpty();
        assertThat(PersonName.problem("  " + name + " ")).as("spaces around are dropped").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "=HYPERLINK(\"http://evil.example/\",\"点击核对\")", "+86", "-张三", "@张三", "12345", "张三1",
            "<script>", "张\"三", "张'", "'张三", "张=三", "zhang@example.com", "张\u0000三", "张\t三", "张\n三", "张\u202e三",
            "张  三", "·张三", "张三·", "张;三", "(张三)", "张三（演示）", "\u200b" })
    void refusesWhatNoNameHolds(String text) {
        assertThat(PersonName.problem(text)).contains("personName.invalid");
    }

    @ParameterizedTest
    @ValueSource(ints = { 51, 200 })
    void refusesNamesLongerThanFiftyCharacters(int length) {
        assertThat(PersonName.problem("张".repeat(length))).contains("personName.tooLong");
        assertThat(PersonName.problem("张".repeat(50))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   " })
    void leavesWhetherANameIsRequiredToTheForm(String blank) {
        assertThat(PersonName.problem(blank)).isEmpty();
        assertThat(PersonName.problem(null)).isEmpty();
    }
}
