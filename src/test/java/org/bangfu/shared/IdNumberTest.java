package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.bangfu.shared.IdNumber.Gender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "VALID", value = {
            // valid, with their check characters computed by the GB 11643-1999 rule
            "11010519491231002X, VALID",
            "11010519491231002x, VALID",
            "340203198803150016, VALID",
            "340203200002290027, VALID",
            // wrong check character
            "110105194912310021, idNumber.checkCharacter",
            "340203198803150013, idNumber.checkCharacter",
            // impossible dates
            "340203198802300019, idNumber.birthDate",
            "34020319010229001X, idNumber.birthDate",
            "340203198813010017, idNumber.birthDate",
            // a birth date in the future
            "34020320261201001X, idNumber.birthDate",
            // wrong length
            "34020319880315001, idNumber.length",
            "3402031988031500123, idNumber.length",
            "340203880315001, idNumber.length",
            // not digits
            "3402031988O3150012, idNumber.digits",
            "34020319880315001Y, idNumber.digits" })
    void judgesEveryRuleOfTheStandard(String text, String problem) {
        assertThat(IdNumber.problem(text, TODAY).orElse(null)).isEqualTo(problem);
    }

    @Test
    void blankIsRequired() {
        assertThat(IdNumber.problem("  ", TODAY)).hasValue("idNumber.required");
        assertThat(IdNumber.problem(null, TODAY)).hasValue("idNumber.required");
    }

    @Test
    void derivesBirthDateAndGenderAndKeepsUpperCase() {
        IdNumber woman = IdNumber.parse(" 11010519491231002x ", TODAY);
        assertThat(woman.value()).isEqualTo("11010519491231002X");
        assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(woman.gender()).isEqualTo(Gender.FEMALE);

        IdNumber man = IdNumber.parse("340203198803150016", TODAY);
        assertThat(man.gender()).isEqualTo(Gender.MALE);
        assertThat(man.birthDate()).isEqualTo(LocalDate.of(1988, 3, 15));
    }

    @Test
    void masksAllButAddressCodeAndLastFour() {
        assertThat(IdNumber.parse("11010519491231002X", TODAY).masked()).isEqualTo("110105********002X");
    }

    @Test
    void checkCharacterFollowsTheWeights() {
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.checkCharacter("34020319880315001")).isEqualTo('6');
    }
}
