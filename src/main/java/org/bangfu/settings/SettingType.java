package org.bangfu.settings;

/** What kind of value a setting holds, which decides how it is checked and shown. */
public enum SettingType {
    /** A whole number between the definition's bounds. */
    INTEGER,
    /** An amount in yuan with at most two decimals, between the definition's bounds (in yuan). */
    MONEY,
    /** One line of text, at most the definition's maximum length. */
    TEXT,
    /** A telephone number: digits and hyphens (0553-4820000, 12345). */
    PHONE,
    /** An absolute http(s) address. */
    URL,
    /** A share such as 2/3: numerator not above the denominator, denominator 1 to 100. */
    FRACTION
}
