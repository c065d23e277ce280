package org.bangfu.household;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.shared.IdNumber.Gender;

/**
 * A household's electronic file as the caller may see it: phone and bank account masked, members' sensitive
 * fields masked; {@link Households#reveal} shows one in full to those with a need.
 */
public record HouseholdFile(long id, String fileNo, String headName, long streetId, String streetName, long villageId,
        String villageName, String address, String phone, String bankAccount, Attribute attribute,
        BigDecimal housingArea, String housingStructure, String dilapidation, BigDecimal landArea, String mainCause,
        List<String> secondaryCauses, String needs, HouseholdStage stage, Long teamId, String teamName, boolean demo,
        Instant updatedAt, int version, List<Member> members, List<Cadre> cadres, boolean editable,
        boolean revealable) {

    /** A member, sensitive fields masked. */
    public record Member(long id, String name, String relation, Gender gender, LocalDate birthDate,
            String idNumber, String education, String schooling, String labourAbility, String health,
            String disabilityCertNo, String disabilityGrade, boolean medicalInsurance, boolean pensionInsurance,
            int version) {
    }

    /** 帮扶责任人: who was responsible, from when until when (open while current). */
    public record Cadre(long id, String name, String unit, LocalDate from, LocalDate to) {
    }
}
