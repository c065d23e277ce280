package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "OK", value = {
            "Demo@2019, password.policy.published",
            "Demo@2020, OK",
            "Abcdefg1, OK",
            "abcdefg1!, OK",
            "ABCDEFG1!, OK",
            "Ab1!, password.policy.length",
            "Abc@123, password.policy.length",
            "abcdefgh, password.policy.classes",
            "abcdefg1, password.policy.classes",
            "ABCDEFGH!, password.policy.classes",
            "12345678!, password.policy.classes",
            "Street01@x, password.policy.username" })
    void judgesPasswordsByLengthClassesUsernameAndPublication(String password, String violation) {
        assertThat(PasswordPolicy.violation("street01", password).orElse(null)).isEqualTo(violation);
    }
}
