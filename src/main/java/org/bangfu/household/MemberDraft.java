package org.bangfu.household;

import java.time.LocalDate;

import org.bangfu.shared.IdNumber.Gender;

/**
 * A member as entered. Gender and birth date may be left empty: they are derived from the ID number, and
 * when given they must agree with it.
 */
public record MemberDraft(String name, String relation, Gender gender, LocalDate birthDate, String idNumber,
        String education, String schooling, String labourAbility, String health, String disabilityCertNo,
        String disabilityGrade, boolean medicalInsurance, boolean pensionInsurance) {
}
