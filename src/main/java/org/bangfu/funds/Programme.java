package org.bangfu.funds;

/** What arranged funds are for (帮扶资金项目): labels {@code funds.programme.NAME}. */
public enum Programme {
    /** 综合帮扶: not tied to one purpose. */
    GENERAL,
    /** 基本生活. */
    LIVING,
    /** 医疗救助. */
    MEDICAL,
    /** 教育帮扶. */
    EDUCATION,
    /** 住房改善. */
    HOUSING,
    /** 就业与产业帮扶. */
    EMPLOYMENT
}
