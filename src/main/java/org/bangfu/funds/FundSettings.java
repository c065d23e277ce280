package org.bangfu.funds;

import org.bangfu.settings.Settings;
import org.bangfu.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The limits of funds (系统设置; see {@link FundSettingDefinitions}): the most one request may ask, above what a
 * second district approval is needed, and the most one arrangement may set aside. Each answer is the value in force.
 */
@Component
class FundSettings {

    private final Settings settings;

    FundSettings(Settings settings) {
        this.settings = settings;
    }

    Money maxRequest() {
        return settings.money(FundSettingDefinitions.MAX_REQUEST);
    }

    Money secondApprovalAbove() {
        return settings.money(FundSettingDefinitions.SECOND_APPROVAL_ABOVE);
    }

    Money maxArrangement() {
        return settings.money(FundSettingDefinitions.MAX_ARRANGEMENT);
    }
}
