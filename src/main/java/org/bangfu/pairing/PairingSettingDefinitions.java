package org.bangfu.pairing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bangfu.settings.SettingDefinition;
import org.bangfu.settings.SettingDefinitions;
import org.bangfu.settings.SettingGroup;
import org.springframework.stereotype.Component;

/** The procedure's settings (系统设置), their defaults from {@code bangfu.pairing.*}. */
@Component
class PairingSettingDefinitions implements SettingDefinitions {

    /** The placeholders application.yml ships with: production refuses to print them on a notice. */
    static final String SHIPPED_OFFICE = "弋江区民政局社会救助科";
    static final String SHIPPED_PHONE = "0553-4820000";

    /** The steps in the order of the procedure, for listing; steps configured beyond these follow by key. */
    private static final List<String> STEPS = List.of(PairingVariables.HOME_CHECK, PairingVariables.FIRST_REVIEW,
            PairingVariables.RESOLVE_WARNINGS, PairingVariables.SECOND_REVIEW, PairingVariables.POST_NOTICE,
            PairingVariables.RECHECK, PairingVariables.STREET_REVIEW, PairingVariables.FILING,
            PairingVariables.CONFIRM_TEAM, PairingVariables.FIRST_VISIT_PLAN);

    private final PairingDefaults defaults;

    PairingSettingDefinitions(PairingDefaults defaults) {
        this.defaults = defaults;
    }

    @Override
    public List<SettingDefinition> settingDefinitions() {
        List<SettingDefinition> list = new ArrayList<>();
        // the village's notice comes first in the procedure
        Map<String, Integer> noticeDays = new TreeMap<>(defaults.noticeDays());
        for (String level : List.of(Notice.Level.VILLAGE.name(), Notice.Level.STREET.name())) {
            Integer days = noticeDays.remove(level);
            if (days != null) {
                list.add(noticeDays(level, days));
            }
        }
        noticeDays.forEach((level, days) -> list.add(noticeDays(level, days)));
        list.add(SettingDefinition.text(PairingSettings.OBJECTION_OFFICE, SettingGroup.NOTICES,
                defaults.objectionOffice(), 50).help("setting.pairing.objection.help")
                .printedOnPaper("BANGFU_OBJECTION_OFFICE", SHIPPED_OFFICE));
        list.add(SettingDefinition.phone(PairingSettings.OBJECTION_PHONE, SettingGroup.NOTICES,
                defaults.objectionPhone()).help("setting.pairing.objection.help")
                .printedOnPaper("BANGFU_OBJECTION_PHONE", SHIPPED_PHONE));

        list.add(SettingDefinition.integer(PairingSettings.DEFAULT_DUE_DAYS, SettingGroup.DEADLINES,
                defaults.defaultDueDays(), 1, 60).help("setting.pairing.default-due-days.help"));
        Map<String, Integer> dueDays = new TreeMap<>(defaults.dueDays());
        for (String step : STEPS) {
            Integer days = dueDays.remove(step);
            if (days != null) {
                list.add(dueDays(step, days));
            }
        }
        dueDays.forEach((step, days) -> list.add(dueDays(step, days)));

        new TreeMap<>(defaults.reviews()).forEach((kind, review) -> {
            list.add(SettingDefinition.fraction(PairingSettings.REVIEWS + kind + ".quorum", SettingGroup.REVIEWS,
                    review.presentNumerator() + "/" + review.presentDenominator())
                    .help("setting.pairing.reviews.quorum.help"));
            list.add(SettingDefinition.fraction(PairingSettings.REVIEWS + kind + ".majority", SettingGroup.REVIEWS,
                    review.majorityNumerator() + "/" + review.majorityDenominator())
                    .help("setting.pairing.reviews.majority.help"));
        });
        return list;
    }

    private static SettingDefinition noticeDays(String level, int days) {
        return SettingDefinition.integer(PairingSettings.NOTICE_DAYS + level, SettingGroup.NOTICES, days, 1, 30)
                .help("setting.pairing.notice-days.help");
    }

    private static SettingDefinition dueDays(String step, int days) {
        return SettingDefinition.integer(PairingSettings.DUE_DAYS + step, SettingGroup.DEADLINES, days, 1, 60)
                .help("setting.pairing.due-days.help");
    }
}
