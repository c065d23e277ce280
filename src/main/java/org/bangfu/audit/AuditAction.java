package org.bangfu.audit;

/**
 * The actions Bangfu audits. Codes are stored; labels come from the message bundles ({@code audit.action.CODE}).
 */
public enum AuditAction {
    LOGIN,
    LOGIN_REJECTED_LOCKED,
    LOGIN_REJECTED_DISABLED,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    LOGOUT,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    ADMIN_BOOTSTRAPPED,
    SENSITIVE_FIELD_SHOWN,
    AGENCY_DATA_IMPORTED,
    COMPARISON_RULE_CHANGED,
    COMPARISON_WARNING_RESOLVED,
    COMPARISON_BATCH_STARTED,
    COMPARISON_BATCH_CANCELLED,
    COMPARISON_EXPORTED
}
