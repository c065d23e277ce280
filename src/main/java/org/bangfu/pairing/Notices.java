package org.bangfu.pairing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bangfu.calendar.WorkingDays;
import org.bangfu.household.Attribute;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdScope;
import org.bangfu.household.Households;
import org.bangfu.pairing.Notice.Level;
import org.bangfu.pairing.Notice.Status;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public notices (公示) and objections (异议). A notice's text is fixed when it is prepared; its period of
 * working days starts when an officer records the posting. An objection during the period, recorded by an
 * officer or arriving through the API, wakes the notice's process for a re-check; further objections while
 * the re-check runs join it.
 */
@Service
public class Notices {

    private final JdbcClient jdbc;
    private final Households households;
    private final WorkingDays workingDays;
    private final PairingSettings settings;
    private final RuntimeService runtime;
    private final PrintedDocuments documents;
    private final Clock clock;

    Notices(JdbcClient jdbc, Households households, WorkingDays workingDays, PairingSettings settings,
            RuntimeService runtime, PrintedDocuments documents, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.workingDays = workingDays;
        this.settings = settings;
        this.runtime = runtime;
        this.documents = documents;
        this.clock = clock;
    }

    private static final String COLUMNS = """
            select n.id, n.case_id, n.household_id, n.level, n.round_no, n.status, n.head_name, n.street_name,
                   n.village_name, n.household_size, n.main_cause, n.attribute, n.period_days, n.objection_office,
                   n.objection_phone, n.posted_on, n.posted_place, n.period_end, n.created_at, n.purpose
              from bf_notice n join bf_household h on h.id = n.household_id""";

    // ---- reading -------------------------------------------------------------------------------------

    /** A notice the caller may see (its household in their scope). */
    @Transactional(readOnly = true)
    public Optional<Notice> find(long noticeId) {
        HouseholdScope scope = HouseholdScope.of(CurrentUser.require());
        List<Object> params = new ArrayList<>(scope.parameters());
        params.add(noticeId);
        return jdbc.sql(COLUMNS + " where " + scope.condition() + " and n.id = ?").params(params).query(Notices::row)
                .optional();
    }

    /** Every round of every notice of a case, oldest first. */
    @Transactional(readOnly = true)
    public List<Notice> ofCase(long caseId) {
        HouseholdScope scope = HouseholdScope.of(CurrentUser.require());
        List<Object> params = new ArrayList<>(scope.parameters());
        params.add(caseId);
        return jdbc.sql(COLUMNS + " where " + scope.condition() + " and n.case_id = ? order by n.id").params(params)
                .query(Notices::row).list();
    }

    /** The notice to post, as XHTML for the browser. */
    @Transactional(readOnly = true)
    public String document(long noticeId) {
        return documents.noticeXhtml(requireNotice(noticeId));
    }

    /** The notice to post, as PDF for printing. */
    @Transactional(readOnly = true)
    public byte[] pdf(long noticeId) {
        return documents.pdf(document(noticeId));
    }

    @Transactional(readOnly = true)
    public List<Objection> objections(long noticeId) {
        requireNotice(noticeId);
        return jdbc.sql("""
                select id, notice_id, received_on, channel, objector, contact, content, recorded_by, recorded_at,
                       status, resolution, resolved_by
                  from bf_objection where notice_id = ? order by id""")
                .param(noticeId)
                .query((rs, n) -> new Objection(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        Objection.Channel.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant(),
                        Objection.Status.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12)))
                .list();
    }

    // ---- objections ----------------------------------------------------------------------------------

    /**
     * Records an objection (street officers of the household's street, the district). During the period it
     * opens the re-check; while a re-check runs it joins it; after the period, or before posting, it is refused.
     */
    @Transactional
    public Objection raiseObjection(long noticeId, Objection.Draft draft) {
        SignedInUser user = CurrentUser.requireRole(Role.STREET, Role.DISTRICT);
        Notice notice = requireNotice(noticeId);
        // the row lock serialises two objections arriving at once: one opens the re-check, the other joins it
        Status status = Status.valueOf(jdbc.sql("select status from bf_notice where id = ? for update")
                .param(noticeId).query(String.class).single());
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (status != Status.POSTED && status != Status.OBJECTED) {
            errors.add(new FieldError("notice", status == Status.PREPARED ? "notice.objection.notPosted"
                    : "notice.objection.closed"));
        }
        if (draft.receivedOn() == null) {
            errors.add(new FieldError("receivedOn", "form.required"));
        } else if (draft.receivedOn().isAfter(today)) {
            errors.add(new FieldError("receivedOn", "form.date.future"));
        } else if (notice.postedOn() != null && (draft.receivedOn().isBefore(notice.postedOn())
                || draft.receivedOn().isAfter(notice.periodEnd()))) {
            errors.add(new FieldError("receivedOn", "notice.objection.outsidePeriod", notice.postedOn(),
                    notice.periodEnd()));
        }
        if (draft.channel() == null) {
            errors.add(new FieldError("channel", "form.required"));
        }
        if (draft.content() == null || draft.content().isBlank()) {
            errors.add(new FieldError("content", "form.required"));
        } else if (draft.content().length() > 2000) {
            errors.add(new FieldError("content", "form.tooLong", 2000));
        }
        if (draft.objector() != null && draft.objector().length() > 50) {
            errors.add(new FieldError("objector", "form.tooLong", 50));
        }
        if (draft.contact() != null && draft.contact().length() > 32) {
            errors.add(new FieldError("contact", "form.tooLong", 32));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bf_objection (notice_id, received_on, channel, objector, contact, content, recorded_by,
                    recorded_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
                .params(noticeId, draft.receivedOn(), draft.channel().name(), blankToNull(draft.objector()),
                        blankToNull(draft.contact()), draft.content().trim(), user.getUsername(), now())
                .update(keys, "id");
        if (status == Status.POSTED) {
            jdbc.sql("update bf_notice set status = 'OBJECTED' where id = ?").param(noticeId).update();
            String processInstanceId = jdbc.sql("select process_instance_id from bf_notice where id = ?")
                    .param(noticeId).query(String.class).single();
            runtime.createMessageCorrelation(PairingVariables.MESSAGE_OBJECTION).processInstanceId(processInstanceId)
                    .correlateWithResult();
        }
        long id = keys.getKey().longValue();
        return objections(noticeId).stream().filter(o -> o.id() == id).findFirst().orElseThrow();
    }

    // ---- the process's steps -------------------------------------------------------------------------

    /** 生成公示: a new round of the case's notice at this level and for this purpose, its text taken from the file now. */
    Notice prepare(long caseId, long householdId, Level level, Notice.Purpose purpose, String processInstanceId) {
        HouseholdFile[] file = new HouseholdFile[1];
        CurrentUser.runAsUserOrSystem(() -> file[0] = households.find(householdId).orElseThrow());
        jdbc.sql("""
                update bf_notice set status = 'REPOSTED'
                 where case_id = ? and level = ? and purpose = ? and status = 'OBJECTED'""")
                .params(caseId, level.name(), purpose.name()).update();
        int round = jdbc.sql("select count(*) from bf_notice where case_id = ? and level = ? and purpose = ?")
                .params(caseId, level.name(), purpose.name()).query(Integer.class).single() + 1;
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bf_notice (case_id, household_id, process_instance_id, level, round_no, status, head_name,
                    street_name, village_name, household_size, main_cause, attribute, period_days, objection_office,
                    objection_phone, created_at, purpose)
                values (?, ?, ?, ?, ?, 'PREPARED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, householdId, processInstanceId, level.name(), round, file[0].headName(),
                        file[0].streetName(), file[0].villageName(), file[0].members().size(), file[0].mainCause(),
                        file[0].attribute().name(), settings.noticeDays(level.name()), settings.objectionOffice(),
                        settings.objectionPhone(), now(), purpose.name())
                .update(keys, "id");
        return byId(keys.getKey().longValue());
    }

    /**
     * 张贴公示: the period runs for the configured number of working days from the posting day (from the next
     * working day when posted on a day off). Answers the moment it is over, for the process's timer.
     */
    Date post(long noticeId, LocalDate postedOn, String place) {
        Notice notice = byId(noticeId);
        LocalDate end = workingDays.isWorkingDay(postedOn) ? workingDays.plus(postedOn, notice.periodDays() - 1)
                : workingDays.plus(postedOn, notice.periodDays());
        jdbc.sql("update bf_notice set status = 'POSTED', posted_on = ?, posted_place = ?, period_end = ? where id = ?")
                .params(postedOn, place, end, noticeId).update();
        return Date.from(end.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    void end(long noticeId) {
        jdbc.sql("update bf_notice set status = 'ENDED' where id = ? and status = 'POSTED'").param(noticeId).update();
    }

    /** 复核: the open objections are upheld (the case ends) or dismissed (the notice is posted again). */
    void recheck(long noticeId, boolean upheld, String resolution, String by) {
        jdbc.sql("""
                update bf_objection set status = ?, resolution = ?, resolved_by = ?, resolved_at = ?
                 where notice_id = ? and status = 'OPEN'""")
                .params(upheld ? "UPHELD" : "DISMISSED", resolution, by, now(), noticeId).update();
        if (upheld) {
            jdbc.sql("update bf_notice set status = 'UPHELD' where id = ?").param(noticeId).update();
        }
    }

    Notice byId(long noticeId) {
        return jdbc.sql(COLUMNS + " where n.id = ?").param(noticeId).query(Notices::row).single();
    }

    private Notice requireNotice(long noticeId) {
        return find(noticeId).orElseThrow(() -> new PairingNotFound("notice " + noticeId));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Notice row(ResultSet rs, int n) throws SQLException {
        return new Notice(rs.getLong(1), rs.getLong(2), rs.getLong(3), Level.valueOf(rs.getString(4)), rs.getInt(5),
                Status.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                rs.getString(11), Attribute.valueOf(rs.getString(12)), rs.getInt(13), rs.getString(14),
                rs.getString(15), rs.getObject(16, LocalDate.class), rs.getString(17), rs.getObject(18, LocalDate.class),
                rs.getObject(19, OffsetDateTime.class).toInstant(), Notice.Purpose.valueOf(rs.getString(20)));
    }
}
