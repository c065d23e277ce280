package org.bangfu.pairing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.pairing.PairingCase.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The cases and their completed steps, in Bangfu's tables. No access checks: the facades make them. */
@Repository
class Cases {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    Cases(JdbcClient jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    private static final String COLUMNS = """
            select id, household_id, process_instance_id, status, started_by, started_at, ended_at, outcome_reason
              from bf_pairing_case""";

    Optional<PairingCase> find(long caseId) {
        return jdbc.sql(COLUMNS + " where id = ?").param(caseId).query(Cases::row).optional();
    }

    Optional<PairingCase> open(long householdId) {
        return jdbc.sql(COLUMNS + " where open_household_id = ?").param(householdId).query(Cases::row).optional();
    }

    List<PairingCase> ofHousehold(long householdId) {
        return jdbc.sql(COLUMNS + " where household_id = ? order by started_at desc, id desc").param(householdId)
                .query(Cases::row).list();
    }

    /** A new open case; the unique open_household_id refuses a second one for the household. */
    long create(long householdId, String startedBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bf_pairing_case (household_id, open_household_id, status, started_by, started_at)
                values (?, ?, 'OPEN', ?, ?)""")
                .params(householdId, householdId, startedBy, now()).update(keys, "id");
        return keys.getKey().longValue();
    }

    void started(long caseId, String processInstanceId) {
        jdbc.sql("update bf_pairing_case set process_instance_id = ? where id = ?").params(processInstanceId, caseId)
                .update();
    }

    void close(long caseId, Status status, String reason) {
        jdbc.sql("""
                update bf_pairing_case set status = ?, open_household_id = null, ended_at = ?, outcome_reason = ?
                 where id = ? and status = 'OPEN'""").params(status.name(), now(), reason, caseId).update();
    }

    void recordStep(long caseId, String taskId, String taskKey, String by, String decision, String reason,
            Map<String, Object> data) {
        String text;
        try {
            text = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        jdbc.sql("""
                insert into bf_case_step (case_id, task_id, task_key, completed_by, completed_at, decision, reason,
                    form_data) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, taskId, taskKey, by, now(), decision, reason, text).update();
    }

    List<CaseStep> steps(long caseId) {
        return jdbc.sql("""
                select task_id, task_key, completed_by, completed_at, decision, reason, form_data
                  from bf_case_step where case_id = ? order by completed_at, id""")
                .param(caseId)
                .query((rs, n) -> new CaseStep(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                        read(rs.getString(7))))
                .list();
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static PairingCase row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime ended = rs.getObject(7, OffsetDateTime.class);
        return new PairingCase(rs.getLong(1), rs.getLong(2), rs.getString(3), Status.valueOf(rs.getString(4)),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                ended == null ? null : ended.toInstant(), rs.getString(8));
    }
}
