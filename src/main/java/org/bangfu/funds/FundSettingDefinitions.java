package org.bangfu.funds;

import java.util.List;

import org.bangfu.settings.SettingDefinition;
import org.bangfu.settings.SettingDefinitions;
import org.bangfu.settings.SettingGroup;
import org.bangfu.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The limits of funds as settings (系统设置), their defaults from {@code bangfu.funds.*}. */
@Component
class FundSettingDefinitions implements SettingDefinitions {

    static final String MAX_REQUEST = "funds.max-request";
    static final String SECOND_APPROVAL_ABOVE = "funds.second-approval-above";
    static final String MAX_ARRANGEMENT = "funds.max-arrangement";

    private final long maxRequestYuan;
    private final long secondApprovalAboveYuan;
    private final long maxArrangementYuan;

    FundSettingDefinitions(@Value("${bangfu.funds.max-request:100000}") long maxRequestYuan,
            @Value("${bangfu.funds.second-approval-above:50000}") long secondApprovalAboveYuan,
            @Value("${bangfu.funds.max-arrangement:1000000}") long maxArrangementYuan) {
        this.maxRequestYuan = maxRequestYuan;
        this.secondApprovalAboveYuan = secondApprovalAboveYuan;
        this.maxArrangementYuan = maxArrangementYuan;
    }

    @Override
    public List<SettingDefinition> settingDefinitions() {
        return List.of(
                SettingDefinition.money(MAX_REQUEST, SettingGroup.FUNDS, Money.ofYuan(maxRequestYuan), 1, 10_000_000)
                        .help("setting.funds.max-request.help"),
                SettingDefinition.money(SECOND_APPROVAL_ABOVE, SettingGroup.FUNDS,
                        Money.ofYuan(secondApprovalAboveYuan), 0, 10_000_000)
                        .help("setting.funds.second-approval-above.help"),
                SettingDefinition.money(MAX_ARRANGEMENT, SettingGroup.FUNDS, Money.ofYuan(maxArrangementYuan), 1,
                        100_000_000).help("setting.funds.max-arrangement.help"));
    }
}
