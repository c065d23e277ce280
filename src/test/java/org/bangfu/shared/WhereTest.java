package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The WHERE clause of a filtered list: each filter's condition with its parameters, in order, or nothing. */
class WhereTest {

    @Nested
    class Conditions {

        @Test
        void addsOnlyTheFiltersThatHaveAValueAfterTheScope() {
            Where where = Where.of("h.street_id in (?, ?)", List.of(1L, 2L))
                    .andIfGiven("h.team_id = ?", null)
                    .andIfGiven("h.stage = ?", "PAIRED")
                    .and("h.head_name like ?", "张%");

            assertThat(where.sql()).isEqualTo("h.street_id in (?, ?) and h.stage = ? and h.head_name like ?");
            assertThat(where.params()).containsExactly(1L, 2L, "PAIRED", "张%");
        }

        @Test
        void listsEveryValueOfAnInAndMatchesNothingWithoutValues() {
            assertThat(Where.of("1 = 1").andIn("t.candidate_group", List.of("street", "team")).sql())
                    .isEqualTo("1 = 1 and t.candidate_group in (?, ?)");
            assertThat(Where.of("1 = 1").andIn("t.candidate_group", List.of()).sql()).isEqualTo("1 = 1 and 1 = 0");
        }

        @Test
        void putsTheStatementsOwnParametersAfterTheClauses() {
            Where where = Where.of("1 = 1").andIfGiven("a.role = ?", "ADMIN");

            assertThat(where.paramsThen(0, 50)).containsExactly("ADMIN", 0, 50);
            assertThat(where.params()).containsExactly("ADMIN");
        }
    }

    @Nested
    class SearchText {

        @Test
        void aNamesBeginningMatchesNoWildcardTyped() {
            assertThat(Where.startingWith("张_三%")).isEqualTo("张三%");
        }

        @Test
        void containedTextIsTakenLiterally() {
            assertThat(Where.containing("A_b%c\\")).isEqualTo("%a\\_b\\%c\\\\%");
        }
    }
}
