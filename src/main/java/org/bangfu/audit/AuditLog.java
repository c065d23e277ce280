package org.bangfu.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log facade. Writing is open to every module (it is how they leave a trace); reading is the
 * auditor's alone.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records in its own transaction: a failed business transaction must not erase its audit trail. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String actor, AuditAction action, String target, String sourceAddress, Outcome outcome,
            String detail) {
        insert(actor, action, target, sourceAddress, outcome, detail);
    }

    private void insert(String actor, AuditAction action, String target, String sourceAddress, Outcome outcome,
            String detail) {
        jdbc.sql("""
                insert into bf_audit_log (occurred_at, actor, action, target, source_address, outcome, detail)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), truncate(actor, 64), action.name(),
                        truncate(target, 200), truncate(sourceAddress, 64), outcome.name(), truncate(detail, 1000))
                .update();
    }

    /**
     * Records as part of the caller's transaction, for changes that hold locks: the entry exists exactly when the
     * audited change does, and no second connection is taken while others wait for the lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWithChange(String actor, AuditAction action, String target, Outcome outcome, String detail) {
        insert(actor, action, target, null, outcome, detail);
    }

    /** Newest first, filtered by actor (exact) and action when given. */
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        CurrentUser.requireRole(Role.AUDITOR);
        return jdbc.sql("""
                select id, occurred_at, actor, action, target, source_address, outcome, detail
                  from bf_audit_log
                 where (cast(? as varchar(64)) is null or actor = ?)
                   and (cast(? as varchar(64)) is null or action = ?)
                 order by occurred_at desc, id desc
                 offset ? rows fetch next ? rows only""")
                .params(query.actor(), query.actor(), query.actionCode(), query.actionCode(), offset, limit)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        Outcome.valueOf(rs.getString(7)), rs.getString(8)))
                .list();
    }

    @Transactional(readOnly = true)
    public int count(AuditQuery query) {
        CurrentUser.requireRole(Role.AUDITOR);
        return jdbc.sql("""
                select count(*) from bf_audit_log
                 where (cast(? as varchar(64)) is null or actor = ?)
                   and (cast(? as varchar(64)) is null or action = ?)""")
                .params(query.actor(), query.actor(), query.actionCode(), query.actionCode())
                .query(Integer.class).single();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** Filter for reading the log; null fields match everything. */
    public record AuditQuery(String actor, AuditAction action) {

        public static final AuditQuery ALL = new AuditQuery(null, null);

        public AuditQuery {
            actor = actor == null || actor.isBlank() ? null : actor.trim();
        }

        String actionCode() {
            return action == null ? null : action.name();
        }
    }
}
