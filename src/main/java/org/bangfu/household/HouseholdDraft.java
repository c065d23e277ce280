package org.bangfu.household;

import java.math.BigDecimal;
import java.util.List;

/** What a person enters to create or change a household's file (members are added on their own). */
public record HouseholdDraft(String headName, Long streetId, Long villageId, String address, String phone,
        String bankAccount, Attribute attribute, BigDecimal housingArea, String housingStructure, String dilapidation,
        BigDecimal landArea, String mainCause, List<String> secondaryCauses, String needs, Long teamId) {

    public HouseholdDraft {
        secondaryCauses = secondaryCauses == null ? List.of() : List.copyOf(secondaryCauses);
    }

    /** The draft of an existing file: what its edit form starts from. Masked fields stay unchanged (null). */
    public static HouseholdDraft of(HouseholdFile file) {
        return new HouseholdDraft(file.headName(), file.streetId(), file.villageId(), file.address(), null, null,
                file.attribute(), file.housingArea(), file.housingStructure(), file.dilapidation(), file.landArea(),
                file.mainCause(), file.secondaryCauses(), file.needs(), file.teamId());
    }
}
