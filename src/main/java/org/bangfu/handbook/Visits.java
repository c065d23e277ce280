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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.bangfu.settings.Settings;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visit records (走访记录) of a household's handbook. A visit is dated no later than today and no earlier than the
 * configured number of days back ({@code bangfu.handbook.visit-backdate-days}); a home visit carries the head of
 * household's confirmation. Saving a visit again keeps the earlier version; the caller names the version it changes,
 * so that two people editing the same visit do not overwrite each other.
 */
@Service
public class Visits {

    private static final String COLUMNS = """
            visited_on, kind, visitors, findings, income_change, health_change, housing_change, schooling_change,
            needs, measures_delivered, wishes, photo_ids, confirmation, confirmation_id, saved_by, saved_at""";

    private final JdbcClient jdbc;
    private final HandbookRules rules;
    private final FieldWorkFeed feed;
    private final Clock clock;
    private final Settings settings;

    Visits(JdbcClient jdbc, HandbookRules rules, FieldWorkFeed feed, Clock clock, Settings settings) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.feed = feed;
        this.clock = clock;
        this.settings = settings;
    }

    /** How many days back a visit may be dated when it is recorded. */
    public int backdateDays() {
        return settings.integer(HandbookSettingDefinitions.VISIT_BACKDATE_DAYS);
    }

    /** The household's visits as last saved, newest first. */
    @Transactional(readOnly = true)
    public List<Visit> ofHousehold(long householdId) {
        rules.visible(householdId);
        return jdbc.sql("select id, household_id, version, " + COLUMNS
                + " from bf_visit where household_id = ? order by visited_on desc, id desc")
                .param(householdId).query(Visits::visit).list();
    }

    /** Every saved version of a visit, newest first. */
    @Transactional(readOnly = true)
    public List<Visit> versions(long householdId, long visitId) {
        find(householdId, visitId);
        return jdbc.sql("select v.visit_id, h.household_id, v.version, " + prefixed("v.") + """
                 from bf_visit_version v join bf_visit h on h.id = v.visit_id
                where v.visit_id = ? and h.household_id = ? order by v.version desc""")
                .params(visitId, householdId).query(Visits::visit).list();
    }

    /** Records a visit: its first version. */
    @Transactional
    public Visit record(long householdId, VisitDraft draft) {
        return record(householdId, draft, null);
    }

    /** Records a visit the head of household signed on the screen ({@code signature}: a PNG; null when not). */
    @Transactional
    public Visit record(long householdId, VisitDraft draft, byte[] signature) {
        rules.writable(householdId);
        if (signature != null) {
            draft = draft.signed(rules.storeSignature(householdId, signature));
        }
        check(householdId, draft, null);
        String user = CurrentUser.require().getUsername();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into bf_visit (household_id, version, " + COLUMNS + """
                ) values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(values(householdId, draft, user, now)).update(keys, "id");
        long id = keys.getKey().longValue();
        keepVersion(id);
        feed.changed(householdId);
        return find(householdId, id);
    }

    /**
     * Saves a visit again, replacing version {@code expectedVersion}; the earlier version stays readable.
     *
     * @throws StaleHandbookEntry when someone saved the visit meanwhile
     */
    @Transactional
    public Visit revise(long householdId, long visitId, int expectedVersion, VisitDraft draft) {
        return revise(householdId, visitId, expectedVersion, draft, null);
    }

    /** Saves a visit again with a new signature drawn on the screen ({@code signature}: a PNG; null when not). */
    @Transactional
    public Visit revise(long householdId, long visitId, int expectedVersion, VisitDraft draft, byte[] signature) {
        rules.writable(householdId);
        if (signature != null) {
            draft = draft.signed(rules.storeSignature(householdId, signature));
        }
        Visit before = find(householdId, visitId);
        if (before.version() != expectedVersion) {
            throw new StaleHandbookEntry("visit " + visitId, before.version());
        }
        check(householdId, draft, before.visitedOn());
        String user = CurrentUser.require().getUsername();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<Object> params = new ArrayList<>(values(householdId, draft, user, now).subList(1, 17));
        params.addAll(List.of(visitId, householdId, expectedVersion));
        int rows = jdbc.sql("""
                update bf_visit set version = version + 1, visited_on = ?, kind = ?, visitors = ?, findings = ?,
                       income_change = ?, health_change = ?, housing_change = ?, schooling_change = ?, needs = ?,
                       measures_delivered = ?, wishes = ?, photo_ids = ?, confirmation = ?, confirmation_id = ?,
                       saved_by = ?, saved_at = ?
                 where id = ? and household_id = ? and version = ?""").params(params).update();
        if (rows == 0) {
            throw new StaleHandbookEntry("visit " + visitId, before.version());
        }
        keepVersion(visitId);
        feed.changed(householdId);
        return find(householdId, visitId);
    }

    /** The visit, if it is one of the household's and the caller may see the household; else as if it did not exist. */
    private Visit find(long householdId, long visitId) {
        rules.visible(householdId);
        return jdbc.sql("select id, household_id, version, " + COLUMNS + " from bf_visit where id = ? and household_id = ?")
                .params(visitId, householdId).query(Visits::visit).optional()
                .orElseThrow(() -> new EntryNotFound("visit " + visitId + " of household " + householdId));
    }

    private void keepVersion(long visitId) {
        jdbc.sql("insert into bf_visit_version (visit_id, version, " + COLUMNS + ") select id, version, " + COLUMNS
                + " from bf_visit where id = ?").param(visitId).update();
    }

    /** Nothing is saved unless every rule holds; a revised visit keeps its date even when that is now too far back. */
    private void check(long householdId, VisitDraft d, LocalDate savedDate) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (d.visitedOn() == null) {
            errors.add(new FieldError("visitedOn", "form.required"));
        } else if (d.visitedOn().isAfter(today)) {
            errors.add(new FieldError("visitedOn", "handbook.visit.future"));
        } else if (d.visitedOn().isBefore(today.minusDays(backdateDays())) && !d.visitedOn().equals(savedDate)) {
            errors.add(new FieldError("visitedOn", "handbook.visit.backdated", backdateDays()));
        }
        if (d.kind() == null) {
            errors.add(new FieldError("kind", "form.required"));
        }
        required("visitors", d.visitors(), errors);
        required("findings", d.findings(), errors);
        fits("visitors", d.visitors(), 300, errors);
        fits("findings", d.findings(), 4000, errors);
        fits("incomeChange", d.incomeChange(), 1000, errors);
        fits("healthChange", d.healthChange(), 1000, errors);
        fits("housingChange", d.housingChange(), 1000, errors);
        fits("schoolingChange", d.schoolingChange(), 1000, errors);
        fits("needs", d.needs(), 2000, errors);
        fits("measuresDelivered", d.measuresDelivered(), 2000, errors);
        fits("wishes", d.wishes(), 2000, errors);
        HandbookRules.Pictures pictures = rules.pictures(householdId);
        pictures.checkPhotos(d.photoIds(), errors);
        if (d.kind() == Visit.Kind.HOME && (d.confirmation() == null || d.confirmation() == Confirmation.NONE)) {
            errors.add(new FieldError("confirmation", "handbook.visit.confirmationRequired"));
        } else {
            pictures.checkConfirmation(d.confirmation(), d.confirmationId(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static List<Object> values(long householdId, VisitDraft d, String user, OffsetDateTime now) {
        Confirmation confirmation = d.confirmation() == null ? Confirmation.NONE : d.confirmation();
        String photos = d.photoIds() == null || d.photoIds().isEmpty() ? null
                : d.photoIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        return Arrays.asList(householdId, d.visitedOn(), d.kind().name(), clean(d.visitors()), clean(d.findings()),
                clean(d.incomeChange()), clean(d.healthChange()), clean(d.housingChange()), clean(d.schoolingChange()),
                clean(d.needs()), clean(d.measuresDelivered()), clean(d.wishes()), photos, confirmation.name(),
                confirmation == Confirmation.NONE ? null : d.confirmationId(), user, now);
    }

    private static Visit visit(ResultSet rs, int n) throws SQLException {
        String photos = rs.getString(15);
        return new Visit(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getObject(4, LocalDate.class),
                Visit.Kind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                photos == null ? List.of() : Arrays.stream(photos.split(",")).map(Long::valueOf).toList(),
                Confirmation.valueOf(rs.getString(16)), rs.getObject(17, Long.class), rs.getString(18),
                rs.getObject(19, OffsetDateTime.class).toInstant());
    }

    private static String prefixed(String prefix) {
        return Arrays.stream(COLUMNS.split(",")).map(c -> prefix + c.strip()).collect(Collectors.joining(", "));
    }
}
