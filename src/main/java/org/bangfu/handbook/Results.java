package org.bangfu.handbook;

import static org.bangfu.handbook.HandbookRules.clean;
import static org.bangfu.handbook.HandbookRules.fits;
import static org.bangfu.handbook.HandbookRules.required;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of the assistance (帮扶成效): dated outcomes the head of household confirmed by signature or on signed
 * paper. A result, once confirmed, is not changed; a correction is a new result.
 */
@Service
public class Results {

    private final JdbcClient jdbc;
    private final HandbookRules rules;
    private final Clock clock;

    Results(JdbcClient jdbc, HandbookRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
    }

    private static final String COLUMNS = """
            select id, household_id, achieved_on, outcome, measure_id, confirmation, confirmation_id, recorded_by,
                   recorded_at
              from bf_result
            """;

    /** The household's results, newest first. */
    @Transactional(readOnly = true)
    public List<Result> ofHousehold(long householdId) {
        rules.visible(householdId);
        return jdbc.sql(COLUMNS + " where household_id = ? order by achieved_on desc, id desc").param(householdId)
                .query(Results::row).list();
    }

    private static Result row(ResultSet rs, int n) throws SQLException {
        return new Result(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                rs.getObject(5, Long.class), Confirmation.valueOf(rs.getString(6)), rs.getLong(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant());
    }

    /**
     * Records a confirmed result: on paper or by a signature kept as an attachment ({@code confirmationId}), or by a
     * signature drawn on the screen ({@code signature}, a PNG, stored with the result).
     */
    @Transactional
    public Result record(long householdId, LocalDate achievedOn, String outcome, Long measureId,
            Confirmation confirmation, Long confirmationId, byte[] signature) {
        rules.writable(householdId);
        if (signature != null) {
            confirmation = Confirmation.SIGNATURE;
            confirmationId = rules.storeSignature(householdId, signature);
        }
        List<FieldError> errors = new ArrayList<>();
        if (achievedOn == null) {
            errors.add(new FieldError("achievedOn", "form.required"));
        } else if (achievedOn.isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("achievedOn", "handbook.date.future"));
        }
        required("outcome", outcome, errors);
        fits("outcome", outcome, 2000, errors);
        if (measureId != null && jdbc.sql("select count(*) from bf_measure where id = ? and household_id = ?")
                .params(measureId, householdId).query(Integer.class).single() == 0) {
            errors.add(new FieldError("measureId", "handbook.measure.unknown"));
        }
        if (confirmation == null || confirmation == Confirmation.NONE) {
            errors.add(new FieldError("confirmation", "handbook.result.confirmationRequired"));
        } else {
            rules.pictures(householdId).checkConfirmation(confirmation, confirmationId, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bf_result (household_id, achieved_on, outcome, measure_id, confirmation, confirmation_id,
                                       recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(householdId, achievedOn, clean(outcome), measureId, confirmation.name(), confirmationId,
                        CurrentUser.require().getUsername(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update(keys, "id");
        return jdbc.sql(COLUMNS + " where id = ?").param(keys.getKey().longValue()).query(Results::row).single();
    }
}
