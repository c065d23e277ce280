package org.bangfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.bangfu.shared.Texts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Audit lines written before keys, as the migration to keys leaves them: in words, the unknown ones as written. */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class AuditTextMigrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    TransactionTemplate tx;

    @Test
    void theOldFormsReadInWords() throws IOException {
        String script = new ClassPathResource("db/vendor/postgresql/V21_7__audit_text_keys.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        Texts chinese = (key, args) -> messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
        List<String> rendered = tx.execute(status -> {
            List<String[]> old = List.of(
                    new String[] { "FUND_REQUEST_DECIDED", "fund request 8", "DISTRICT APPROVE 8000.00 round 1" },
                    new String[] { "SENSITIVE_FIELD_SHOWN", "household BF000004 member 17", "ID_NUMBER" },
                    new String[] { "HANDBOOK_PRINTED", "BF000003", "马建军 160199 bytes" },
                    new String[] { "PAYMENT_BATCH_CREATED", "batch PB-2026-001", "3 payments, 100.00" });
            long first = jdbc.sql("select coalesce(max(id), 0) + 1 from bf_audit_log").query(Long.class).single();
            old.forEach(row -> jdbc.sql("""
                    insert into bf_audit_log (occurred_at, actor, action, target, outcome, detail)
                    values (?, 'district', ?, ?, 'SUCCESS', ?)""")
                    .params(OffsetDateTime.now(), row[0], row[1], row[2]).update());
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    jdbc.sql(statement + " and id >= " + first).update();
                }
            }
            List<String> lines = jdbc.sql("select target, detail from bf_audit_log where id >= ? order by id")
                    .param(first).query((rs, n) -> AuditText.render(rs.getString(1), chinese) + " | "
                            + AuditText.render(rs.getString(2), chinese)).list();
            status.setRollbackOnly();
            return lines;
        });

        assertThat(rendered).containsExactly(
                "资金申请 #8 | 区民政局审批：同意，金额 8000.00 元，第 1 轮",
                "档案 BF000004 成员 #17 | 身份证号",
                "BF000003 | 马建军，157 KB",
                "支付批次 PB-2026-001 | 3 payments, 100.00");
    }
}
