package org.bangfu.settings;

/** Where a setting is listed on the settings page (labels {@code settings.group.NAME}), in this order. */
public enum SettingGroup {
    /** 公示与异议 */
    NOTICES,
    /** 办理时限 */
    DEADLINES,
    /** 评议规则 */
    REVIEWS,
    /** 资金 */
    FUNDS,
    /** 打印与二维码 */
    PRINTING
}
