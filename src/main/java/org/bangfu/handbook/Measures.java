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

import org.bangfu.funds.FundRequests;
import org.bangfu.household.CodeLists;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;
import org.bangfu.shared.PersonName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household's plan (帮扶计划): its measures and their lifecycle, planned → in progress → done, or dropped with a
 * reason. Each step is kept as an event; a done or dropped measure no longer changes. A measure paid for by a fund
 * release names that release's request. Changes name the version they replace.
 */
@Service
public class Measures {

    private static final String COLUMNS = """
            select id, household_id, category, party_unit, party_person, content, planned_on, cost_fen, fund_request_id,
                   status, status_reason, done_on, created_by, created_at, version
              from bf_measure
            """;

    private final JdbcClient jdbc;
    private final HandbookRules rules;
    private final CodeLists codes;
    private final FundRequests fundRequests;
    private final Clock clock;

    Measures(JdbcClient jdbc, HandbookRules rules, CodeLists codes, FundRequests fundRequests, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.codes = codes;
        this.fundRequests = fundRequests;
        this.clock = clock;
    }

    /** The plan's measures in the order they are planned. */
    @Transactional(readOnly = true)
    public List<Measure> ofHousehold(long householdId) {
        rules.visible(householdId);
        return jdbc.sql(COLUMNS + " where household_id = ? order by planned_on, id").param(householdId)
                .query(Measures::measure).list();
    }

    /** What happened to a measure, oldest first. */
    @Transactional(readOnly = true)
    public List<Measure.Event> events(long householdId, long measureId) {
        find(householdId, measureId);
        return jdbc.sql("select status, reason, actor, occurred_at from bf_measure_event where measure_id = ? order by id")
                .param(measureId)
                .query((rs, n) -> new Measure.Event(Measure.Status.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Adds a measure to the plan. */
    @Transactional
    public Measure plan(long householdId, MeasureDraft draft) {
        rules.writable(householdId);
        check(householdId, draft);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bf_measure (household_id, category, party_unit, party_person, content, planned_on, cost_fen,
                                        fund_request_id, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)""")
                .params(householdId, draft.category(), clean(draft.partyUnit()), clean(draft.partyPerson()),
                        clean(draft.content()), draft.plannedOn(), fen(draft.cost()), draft.fundRequestId(), user(), now())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        event(id, Measure.Status.PLANNED, null);
        return find(householdId, id);
    }

    /** Changes what a measure is while it is planned or in progress. */
    @Transactional
    public Measure change(long householdId, long measureId, int expectedVersion, MeasureDraft draft) {
        rules.writable(householdId);
        Measure before = find(householdId, measureId);
        if (before.version() != expectedVersion) {
            throw new StaleHandbookEntry("measure " + measureId, before.version());
        }
        if (!before.status().isOpen()) {
            throw new InvalidInput(List.of(new FieldError("status", "handbook.measure.closed")));
        }
        check(householdId, draft);
        int rows = jdbc.sql("""
                update bf_measure set category = ?, party_unit = ?, party_person = ?, content = ?, planned_on = ?,
                       cost_fen = ?, fund_request_id = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(draft.category(), clean(draft.partyUnit()), clean(draft.partyPerson()), clean(draft.content()),
                        draft.plannedOn(), fen(draft.cost()), draft.fundRequestId(), measureId, expectedVersion)
                .update();
        if (rows == 0) {
            throw new StaleHandbookEntry("measure " + measureId, before.version());
        }
        return find(householdId, measureId);
    }

    /**
     * Moves a measure on: to in progress, to done (on {@code doneOn}, not in the future), or to dropped (with a reason).
     *
     * @throws StaleHandbookEntry when someone changed the measure meanwhile
     */
    @Transactional
    public Measure move(long householdId, long measureId, int expectedVersion, Measure.Status next, LocalDate doneOn,
            String reason) {
        rules.writable(householdId);
        Measure before = find(householdId, measureId);
        if (before.version() != expectedVersion) {
            throw new StaleHandbookEntry("measure " + measureId, before.version());
        }
        List<FieldError> errors = new ArrayList<>();
        if (next == null || !before.status().mayBecome(next)) {
            errors.add(new FieldError("status", "handbook.measure.transition"));
        } else if (next == Measure.Status.DONE) {
            if (doneOn == null) {
                errors.add(new FieldError("doneOn", "form.required"));
            } else if (doneOn.isAfter(LocalDate.now(clock))) {
                errors.add(new FieldError("doneOn", "handbook.date.future"));
            }
        } else if (next == Measure.Status.DROPPED) {
            required("reason", reason, errors);
            fits("reason", reason, 500, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        int rows = jdbc.sql("""
                update bf_measure set status = ?, status_reason = ?, done_on = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(next.name(), next == Measure.Status.DROPPED ? clean(reason) : before.statusReason(),
                        next == Measure.Status.DONE ? doneOn : null, measureId, expectedVersion)
                .update();
        if (rows == 0) {
            throw new StaleHandbookEntry("measure " + measureId, before.version());
        }
        event(measureId, next, clean(reason));
        return find(householdId, measureId);
    }

    /** The measure, if it is one of the household's and the caller may see the household; else as if it did not exist. */
    Measure find(long householdId, long measureId) {
        rules.visible(householdId);
        return jdbc.sql(COLUMNS + " where id = ? and household_id = ?").params(measureId, householdId)
                .query(Measures::measure).optional()
                .orElseThrow(() -> new EntryNotFound("measure " + measureId + " of household " + householdId));
    }

    private void check(long householdId, MeasureDraft d) {
        List<FieldError> errors = new ArrayList<>();
        if (d.category() == null || !codes.contains(CodeLists.MEASURE, d.category())) {
            errors.add(new FieldError("category", "form.required"));
        }
        required("partyUnit", d.partyUnit(), errors);
        required("content", d.content(), errors);
        fits("partyUnit", d.partyUnit(), 100, errors);
        PersonName.problem(d.partyPerson()).ifPresent(problem -> errors.add(new FieldError("partyPerson", problem)));
        fits("content", d.content(), 2000, errors);
        if (d.plannedOn() == null) {
            errors.add(new FieldError("plannedOn", "form.required"));
        }
        if (d.fundRequestId() != null
                && fundRequests.ofHousehold(householdId).stream().noneMatch(r -> r.id() == d.fundRequestId())) {
            errors.add(new FieldError("fundRequestId", "handbook.measure.fundRequest"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private void event(long measureId, Measure.Status status, String reason) {
        jdbc.sql("insert into bf_measure_event (measure_id, status, reason, actor, occurred_at) values (?, ?, ?, ?, ?)")
                .params(measureId, status.name(), reason, user(), now()).update();
    }

    private static Long fen(Money money) {
        return money == null ? null : money.fen();
    }

    private static String user() {
        return CurrentUser.require().getUsername();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Measure measure(ResultSet rs, int n) throws SQLException {
        Long cost = rs.getObject(8, Long.class);
        return new Measure(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDate.class), cost == null ? null : Money.ofFen(cost),
                rs.getObject(9, Long.class), Measure.Status.valueOf(rs.getString(10)), rs.getString(11),
                rs.getObject(12, LocalDate.class), rs.getString(13), rs.getObject(14, OffsetDateTime.class).toInstant(),
                rs.getInt(15));
    }
}
