package org.bangfu.comparison;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.comparison.ComparisonRule.Threshold;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comparison rules. Administrators change severity, texts, thresholds and whether a rule applies, without
 * a deployment; each comparison records the rules it applied, so later changes do not rewrite old results.
 */
@Service
public class ComparisonRules {

    private static final BigDecimal MAX_MONTHS = new BigDecimal(240);
    private static final BigDecimal MAX_VALUE = new BigDecimal("99999999");

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    ComparisonRules(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Every rule, in its order. */
    public List<ComparisonRule> list() {
        CurrentUser.require();
        return all();
    }

    List<ComparisonRule> all() {
        return jdbc.sql("""
                select code, severity, text_zh, text_en, threshold, active, version
                  from bf_comparison_rule order by sort_order""")
                .query((rs, n) -> new ComparisonRule(rs.getString(1), Severity.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBoolean(6), rs.getInt(7)))
                .list();
    }

    Optional<ComparisonRule> find(String code) {
        return all().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /**
     * Changes a rule (administrators). {@code version} is the version the change was made on: a rule changed
     * by someone else meanwhile is not overwritten.
     */
    @Transactional
    public ComparisonRule update(String code, int version, Severity severity, BigDecimal threshold, boolean active,
            String textZh, String textEn) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        ComparisonRule rule = find(code).orElseThrow(() -> new InvalidInput(
                List.of(new FieldError("code", "comparison.rule.unknown"))));
        List<FieldError> errors = new ArrayList<>();
        if (severity == null) {
            errors.add(new FieldError("severity", "comparison.rule.severityRequired"));
        }
        Threshold kind = rule.thresholdKind();
        if (kind == Threshold.NONE && threshold != null) {
            errors.add(new FieldError("threshold", "comparison.rule.noThreshold"));
        } else if (kind == Threshold.MONTHS && (threshold == null || threshold.signum() <= 0
                || threshold.stripTrailingZeros().scale() > 0 || threshold.compareTo(MAX_MONTHS) > 0)) {
            errors.add(new FieldError("threshold", "comparison.rule.months", MAX_MONTHS));
        } else if (kind == Threshold.YUAN_PER_MONTH && (threshold == null || threshold.signum() < 0
                || threshold.scale() > 2 || threshold.compareTo(MAX_VALUE) > 0)) {
            errors.add(new FieldError("threshold", "comparison.rule.amount"));
        } else if (kind == Threshold.SQUARE_METRES && threshold != null && (threshold.signum() < 0
                || threshold.scale() > 2 || threshold.compareTo(MAX_VALUE) > 0)) {
            errors.add(new FieldError("threshold", "comparison.rule.amount"));
        }
        if (textZh == null || textZh.isBlank() || textZh.length() > 200) {
            errors.add(new FieldError("textZh", "comparison.rule.textRequired"));
        }
        if (textEn == null || textEn.isBlank() || textEn.length() > 200) {
            errors.add(new FieldError("textEn", "comparison.rule.textRequired"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        int updated = jdbc.sql("""
                update bf_comparison_rule
                   set severity = ?, threshold = ?, active = ?, text_zh = ?, text_en = ?, version = version + 1,
                       updated_at = ?, updated_by = ?
                 where code = ? and version = ?""")
                .params(severity.name(), threshold, active, textZh.trim(), textEn.trim(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), user.getUsername(), code, version)
                .update();
        if (updated == 0) {
            throw new StaleComparison("comparison.rule.stale");
        }
        ComparisonRule changed = find(code).orElseThrow();
        auditLog.record(user.getUsername(), AuditAction.COMPARISON_RULE_CHANGED, code, null, Outcome.SUCCESS,
                AuditText.of("audit.detail.ruleChanged", changed.version(),
                        AuditText.label("comparison.severity." + severity.name()),
                        threshold == null ? "—" : threshold.toPlainString(),
                        AuditText.label(active ? "audit.detail.active" : "audit.detail.inactive")));
        return changed;
    }
}
