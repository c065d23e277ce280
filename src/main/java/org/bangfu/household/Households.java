package org.bangfu.household;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.household.HouseholdChange.Kind;
import org.bangfu.household.HouseholdFile.Cadre;
import org.bangfu.household.HouseholdFile.Member;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Team;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Village;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.IdNumber.Gender;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.PersonName;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shared.Where;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household electronic file (电子信息档案). Every read and write goes through here, from the UI, the REST
 * API and process delegates alike, so the scope of the signed-in person is enforced in one place: what
 * they may not see answers as if it did not exist. Sensitive fields leave masked; every change is recorded.
 */
@Service
public class Households {

    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    private static final Pattern BANK_ACCOUNT = Pattern.compile("\\d{12,30}");
    private static final BigDecimal MAX_AREA = new BigDecimal("100000");
    /** Stages in which a team works with the household: its team changes by a move (调整帮扶小组) only. */
    private static final List<String> TEAM_AT_WORK = List.of(HouseholdStage.PLANNING.name(), HouseholdStage.PAIRED.name());

    private final JdbcClient jdbc;
    private final CodeLists codes;
    private final AuditLog auditLog;
    private final HouseholdFeed feed;
    private final Clock clock;
    private final Organisation organisation;

    Households(JdbcClient jdbc, CodeLists codes, AuditLog auditLog, HouseholdFeed feed, Clock clock,
            Organisation organisation) {
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.codes = codes;
        this.auditLog = auditLog;
        this.feed = feed;
        this.clock = clock;
    }

    /** The file number shown to people: stable, derived from the id. */
    public static String fileNo(long id) {
        return "BF%06d".formatted(id);
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** A page of the households the caller may see, filtered and sorted. */
    @Transactional(readOnly = true)
    public List<HouseholdSummary> list(HouseholdFilter filter, HouseholdSort sort, int offset, int limit) {
        Where where = where(filter);
        return jdbc.sql("""
                select h.id, h.head_name, s.name, v.name, t.name, h.stage, h.attribute, h.main_cause,
                       (select count(*) from bf_member m where m.household_id = h.id and m.active = true)
                  from bf_household h
                  join bf_street s on s.id = h.street_id
                  join bf_village v on v.id = h.village_id
                  left join bf_team t on t.id = h.team_id
                 where\s""" + where.sql() + " order by " + sort.orderBy() + " offset ? rows fetch next ? rows only")
                .params(where.paramsThen(Math.max(0, offset), Math.max(1, Math.min(limit, 500))))
                .query((rs, n) -> new HouseholdSummary(rs.getLong(1), fileNo(rs.getLong(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), HouseholdStage.valueOf(rs.getString(6)),
                        Attribute.valueOf(rs.getString(7)), rs.getString(8), rs.getInt(9)))
                .list();
    }

    @Transactional(readOnly = true)
    public int count(HouseholdFilter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from bf_household h where " + where.sql()).params(where.params())
                .query(Integer.class).single();
    }

    private Where where(HouseholdFilter filter) {
        HouseholdScope scope = HouseholdScope.of(CurrentUser.require());
        Where where = Where.of(scope.condition(), scope.parameters())
                .andIfGiven("h.street_id = ?", filter.streetId())
                .andIfGiven("h.village_id = ?", filter.villageId())
                .andIfGiven("h.team_id = ?", filter.teamId())
                .andIfGiven("h.stage = ?", filter.stage() == null ? null : filter.stage().name())
                .andIfGiven("h.attribute = ?", filter.attribute() == null ? null : filter.attribute().name())
                .andIfGiven("h.main_cause = ?", filter.mainCause());
        if (filter.search() != null) {
            String text = filter.search();
            if (IdNumber.problem(text, LocalDate.now(clock)).isEmpty()) {
                where.and("exists (select 1 from bf_member m where m.household_id = h.id and m.active = true"
                        + " and m.id_number = ?)", text.toUpperCase());
            } else {
                // a union of two index range scans; an OR over an EXISTS would scan every household
                String prefix = Where.startingWith(text);
                where.and("h.id in (select x.id from bf_household x where x.head_name like ?"
                        + " union select m.household_id from bf_member m where m.active = true and m.name like ?)",
                        prefix, prefix);
            }
        }
        return where;
    }

    /** The file of one household, masked, or empty if it does not exist or is out of the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<HouseholdFile> find(long id) {
        SignedInUser user = CurrentUser.require();
        HouseholdScope scope = HouseholdScope.of(user);
        List<Object> params = new ArrayList<>(scope.parameters());
        params.add(id);
        return jdbc.sql("""
                select h.id, h.head_name, h.street_id, s.name, h.village_id, v.name, h.address, h.phone,
                       h.bank_account, h.attribute, h.housing_area, h.housing_structure, h.dilapidation, h.land_area,
                       h.main_cause, h.secondary_causes, h.needs, h.stage, h.team_id, t.name, h.demo, h.updated_at,
                       h.version
                  from bf_household h
                  join bf_street s on s.id = h.street_id
                  join bf_village v on v.id = h.village_id
                  left join bf_team t on t.id = h.team_id
                 where\s""" + scope.condition() + " and h.id = ?")
                .params(params)
                .query((rs, n) -> file(rs, user))
                .optional();
    }

    private HouseholdFile file(ResultSet rs, SignedInUser user) throws SQLException {
        long id = rs.getLong(1);
        Long teamId = rs.getObject(19, Long.class);
        return new HouseholdFile(id, fileNo(id), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), maskPhone(rs.getString(8)), maskAccount(rs.getString(9)),
                Attribute.valueOf(rs.getString(10)), rs.getBigDecimal(11), rs.getString(12), rs.getString(13),
                rs.getBigDecimal(14), rs.getString(15), splitCodes(rs.getString(16)), rs.getString(17),
                HouseholdStage.valueOf(rs.getString(18)), teamId, rs.getString(20), rs.getBoolean(21),
                rs.getObject(22, OffsetDateTime.class).toInstant(), rs.getInt(23), members(id), cadres(id),
                mayEdit(user, rs.getLong(3), teamId), mayReveal(user, teamId));
    }

    private List<Member> members(long householdId) {
        return jdbc.sql("""
                select id, name, relation, gender, birth_date, id_number, education, schooling, labour_ability, health,
                       disability_cert_no, disability_grade, medical_insurance, pension_insurance, version
                  from bf_member where household_id = ? and active = true
                 order by case when relation = 'HEAD' then 0 else 1 end, birth_date, id""")
                .param(householdId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Gender.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), IdNumber.mask(rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getString(9), maskAll(rs.getString(10)),
                        maskAll(rs.getString(11)), maskAll(rs.getString(12)), rs.getBoolean(13), rs.getBoolean(14),
                        rs.getInt(15)))
                .list();
    }

    private List<Cadre> cadres(long householdId) {
        return jdbc.sql("""
                select id, cadre_name, cadre_unit, from_date, to_date from bf_cadre_assignment
                 where household_id = ? order by from_date desc, id desc""")
                .param(householdId)
                .query((rs, n) -> new Cadre(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                .list();
    }

    /**
     * The history of a file, newest first; teams, streets and villages by name (the rows keep their ids, which read
     * models replay).
     */
    @Transactional(readOnly = true)
    public List<HouseholdChange> history(long householdId) {
        requireVisible(householdId);
        Map<String, Map<String, String>> names = Map.of(
                "teamId", organisation.teams().stream().collect(Collectors.toMap(t -> String.valueOf(t.id()), Team::name)),
                "streetId", organisation.streets().stream()
                        .collect(Collectors.toMap(s -> String.valueOf(s.id()), Street::name)),
                "villageId", organisation.villages().stream()
                        .collect(Collectors.toMap(v -> String.valueOf(v.id()), Village::name)));
        return jdbc.sql("""
                select id, occurred_at, actor, kind, subject, field, old_value, new_value from bf_household_change
                 where household_id = ? order by occurred_at desc, id desc""")
                .param(householdId)
                .query((rs, n) -> {
                    Map<String, String> byId = rs.getString(6) == null ? Map.of()
                            : names.getOrDefault(rs.getString(6), Map.of());
                    String before = rs.getString(7);
                    String after = rs.getString(8);
                    return new HouseholdChange(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                            before == null ? null : byId.getOrDefault(before, before),
                            after == null ? null : byId.getOrDefault(after, after));
                })
                .list();
    }

    /**
     * One sensitive value in full, for the district and the household's own team only; every call is
     * audit-logged (who, when, which household, which field).
     */
    @Transactional
    public String reveal(long householdId, SensitiveField field, Long memberId) {
        SignedInUser user = CurrentUser.require();
        if (field == null) {
            throw new InvalidInput(List.of(new FieldError("field", "form.required")));
        }
        if (field.ofMember() && memberId == null) {
            throw new InvalidInput(List.of(new FieldError("memberId", "form.required")));
        }
        Row row = requireVisible(householdId);
        if (!mayReveal(user, row.teamId())) {
            throw new AccessDeniedException("may not reveal " + field);
        }
        String value;
        if (field.ofMember()) {
            String column = switch (field) {
                case ID_NUMBER -> "id_number";
                case HEALTH -> "health";
                default -> "disability_cert_no";
            };
            value = jdbc.sql("select " + column + (field == SensitiveField.DISABILITY ? ", disability_grade" : "")
                    + " from bf_member where id = ? and household_id = ? and active = true")
                    .params(memberId, householdId)
                    .query((rs, n) -> field == SensitiveField.DISABILITY
                            ? joinNonNull(rs.getString(1), rs.getString(2)) : rs.getString(1))
                    .optional().orElseThrow(() -> new HouseholdNotFound(householdId));
        } else {
            value = field == SensitiveField.PHONE ? row.phone() : row.bankAccount();
        }
        auditLog.record(user.getUsername(), AuditAction.SENSITIVE_FIELD_SHOWN,
                memberId == null ? AuditText.of("audit.target.household", fileNo(householdId))
                        : AuditText.of("audit.target.member", fileNo(householdId), memberId),
                null, Outcome.SUCCESS, AuditText.of("sensitive." + field.name()));
        return value;
    }

    // ---- writing -------------------------------------------------------------------------------------

    /** Opens a new file (street officers for their street, the district, administrators). */
    @Transactional
    public HouseholdFile create(HouseholdDraft draft) {
        return find(open(draft)).orElseThrow();
    }

    /** {@link #create} without reading the file back: the id of the new household (bulk imports). */
    @Transactional
    long open(HouseholdDraft draft) {
        SignedInUser user = CurrentUser.requireRole(Role.STREET, Role.DISTRICT, Role.ADMIN);
        List<FieldError> errors = validate(draft, true);
        deactivated(errors, draft, null, null);
        if (user.hasRole(Role.STREET) && draft.streetId() != null && !draft.streetId().equals(user.streetId())) {
            errors.add(new FieldError("streetId", "household.street.outOfScope"));
        }
        if (draft.teamId() != null && !mayAssignTeam(user)) {
            errors.add(new FieldError("teamId", "household.team.notAllowed"));
        }
        throwIfAny(errors);
        var now = now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bf_household (head_name, street_id, village_id, address, phone, bank_account, attribute,
                    housing_area, housing_structure, dilapidation, land_area, main_cause, secondary_causes, needs,
                    stage, team_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(draft.headName().trim(), draft.streetId(), draft.villageId(), blankToNull(draft.address()),
                        blankToNull(draft.phone()), blankToNull(draft.bankAccount()), draft.attribute().name(),
                        draft.housingArea(), blankToNull(draft.housingStructure()), blankToNull(draft.dilapidation()),
                        draft.landArea(), blankToNull(draft.mainCause()), joinCodes(draft.secondaryCauses()),
                        blankToNull(draft.needs()), HouseholdStage.IDENTIFICATION.name(), draft.teamId(), now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        record(id, user, Kind.CREATED, draft.headName().trim(), null, null, null);
        feed.stageChanged(id, null, HouseholdStage.IDENTIFICATION, now.toInstant());
        return id;
    }

    /**
     * Saves a changed file if nobody else saved it since {@code expectedVersion}; otherwise nothing changes
     * and {@link StaleHousehold} says so. Phone and bank account left null stay as they are.
     */
    @Transactional
    public HouseholdFile update(long id, int expectedVersion, HouseholdDraft draft) {
        SignedInUser user = CurrentUser.require();
        Row old = requireVisible(id);
        if (!mayEdit(user, old.streetId(), old.teamId())) {
            throw new AccessDeniedException("read-only");
        }
        List<FieldError> errors = validate(draft, false);
        deactivated(errors, draft, old.villageId(), old.teamId());
        if (user.hasRole(Role.STREET) && !Objects.equals(draft.streetId(), old.streetId())) {
            errors.add(new FieldError("streetId", "household.street.outOfScope"));
        }
        if (!Objects.equals(draft.teamId(), old.teamId()) && !mayAssignTeam(user)) {
            errors.add(new FieldError("teamId", "household.team.notAllowed"));
        } else if (!Objects.equals(draft.teamId(), old.teamId()) && old.teamId() != null && TEAM_AT_WORK.contains(
                jdbc.sql("select stage from bf_household where id = ?").param(id).query(String.class).single())) {
            // a team at work has tasks, reviews and money that must follow the household: only a move takes them
            errors.add(new FieldError("teamId", "household.team.useMove"));
        }
        throwIfAny(errors);
        String phone = draft.phone() == null ? old.phone() : blankToNull(draft.phone());
        String account = draft.bankAccount() == null ? old.bankAccount() : blankToNull(draft.bankAccount());
        int rows = jdbc.sql("""
                update bf_household set head_name = ?, street_id = ?, village_id = ?, address = ?, phone = ?,
                       bank_account = ?, attribute = ?, housing_area = ?, housing_structure = ?, dilapidation = ?,
                       land_area = ?, main_cause = ?, secondary_causes = ?, needs = ?, team_id = ?, updated_at = ?,
                       version = version + 1
                 where id = ? and version = ?""")
                .params(draft.headName().trim(), draft.streetId(), draft.villageId(), blankToNull(draft.address()),
                        phone, account, draft.attribute().name(), draft.housingArea(),
                        blankToNull(draft.housingStructure()), blankToNull(draft.dilapidation()), draft.landArea(),
                        blankToNull(draft.mainCause()), joinCodes(draft.secondaryCauses()), blankToNull(draft.needs()),
                        draft.teamId(), now(), id, expectedVersion)
                .update();
        if (rows == 0) {
            throw new StaleHousehold(fileNo(id), requireVisible(id).version());
        }
        List<String[]> changes = new ArrayList<>();
        diff(changes, "headName", old.headName(), draft.headName().trim());
        diff(changes, "streetId", str(old.streetId()), str(draft.streetId()));
        diff(changes, "villageId", str(old.villageId()), str(draft.villageId()));
        diff(changes, "address", old.address(), blankToNull(draft.address()));
        diff(changes, "phone", maskPhone(old.phone()), maskPhone(phone));
        diff(changes, "bankAccount", maskAccount(old.bankAccount()), maskAccount(account));
        diff(changes, "attribute", old.attribute(), draft.attribute().name());
        diff(changes, "housingArea", str(old.housingArea()), str(draft.housingArea()));
        diff(changes, "housingStructure", old.housingStructure(), blankToNull(draft.housingStructure()));
        diff(changes, "dilapidation", old.dilapidation(), blankToNull(draft.dilapidation()));
        diff(changes, "landArea", str(old.landArea()), str(draft.landArea()));
        diff(changes, "mainCause", old.mainCause(), blankToNull(draft.mainCause()));
        diff(changes, "secondaryCauses", old.secondaryCauses(), joinCodes(draft.secondaryCauses()));
        diff(changes, "needs", old.needs(), blankToNull(draft.needs()));
        diff(changes, "teamId", str(old.teamId()), str(draft.teamId()));
        for (String[] change : changes) {
            record(id, user, Kind.UPDATED, null, change[0], change[1], change[2]);
        }
        feed.changed(id, clock.instant());
        return find(id).orElseThrow();
    }

    /** Adds a member; one person can be an active member of one household only. */
    @Transactional
    public Member addMember(long householdId, MemberDraft draft) {
        SignedInUser user = CurrentUser.require();
        Row household = requireEditable(user, householdId);
        IdNumber idNumber = validateMember(householdId, null, draft);
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into bf_member (household_id, name, relation, gender, birth_date, id_number, active_id_number,
                        education, schooling, labour_ability, health, disability_cert_no, disability_grade,
                        medical_insurance, pension_insurance, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(householdId, draft.name().trim(), draft.relation(), idNumber.gender().name(),
                            idNumber.birthDate(), idNumber.value(), idNumber.value(), blankToNull(draft.education()),
                            blankToNull(draft.schooling()), blankToNull(draft.labourAbility()),
                            blankToNull(draft.health()), blankToNull(draft.disabilityCertNo()),
                            blankToNull(draft.disabilityGrade()), draft.medicalInsurance(), draft.pensionInsurance(),
                            now())
                    .update(keys, "id");
        } catch (DuplicateKeyException raced) {
            throw new InvalidInput(List.of(activeElsewhere(householdOf(idNumber.value()))));
        }
        record(household.id(), user, Kind.MEMBER_ADDED, draft.name().trim() + " " + idNumber.masked(), null, null, null);
        touch(householdId);
        long memberId = keys.getKey().longValue();
        return members(householdId).stream().filter(m -> m.id() == memberId).findFirst().orElseThrow();
    }

    /**
     * Changes a member if nobody else changed it since {@code expectedVersion}. Sensitive fields (ID number,
     * health, disability) left null stay as they are, since callers see them masked; an empty text clears them.
     */
    @Transactional
    public Member updateMember(long householdId, long memberId, int expectedVersion, MemberDraft draft) {
        SignedInUser user = CurrentUser.require();
        requireEditable(user, householdId);
        MemberRow old = memberRow(householdId, memberId);
        draft = keepSensitive(draft, old);
        IdNumber idNumber = validateMember(householdId, memberId, draft);
        int rows;
        try {
            rows = jdbc.sql("""
                    update bf_member set name = ?, relation = ?, gender = ?, birth_date = ?, id_number = ?,
                           active_id_number = ?, education = ?, schooling = ?, labour_ability = ?, health = ?,
                           disability_cert_no = ?, disability_grade = ?, medical_insurance = ?, pension_insurance = ?,
                           version = version + 1
                     where id = ? and household_id = ? and version = ? and active = true""")
                    .params(draft.name().trim(), draft.relation(), idNumber.gender().name(), idNumber.birthDate(),
                            idNumber.value(), idNumber.value(), blankToNull(draft.education()),
                            blankToNull(draft.schooling()), blankToNull(draft.labourAbility()),
                            blankToNull(draft.health()), blankToNull(draft.disabilityCertNo()),
                            blankToNull(draft.disabilityGrade()), draft.medicalInsurance(), draft.pensionInsurance(),
                            memberId, householdId, expectedVersion)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new InvalidInput(List.of(activeElsewhere(householdOf(idNumber.value()))));
        }
        if (rows == 0) {
            throw new StaleHousehold(old.name(), old.version());
        }
        List<String[]> changes = new ArrayList<>();
        diff(changes, "member.name", old.name(), draft.name().trim());
        diff(changes, "member.relation", old.relation(), draft.relation());
        diff(changes, "member.idNumber", IdNumber.mask(old.idNumber()), idNumber.masked());
        diff(changes, "member.education", old.education(), blankToNull(draft.education()));
        diff(changes, "member.schooling", old.schooling(), blankToNull(draft.schooling()));
        diff(changes, "member.labourAbility", old.labourAbility(), blankToNull(draft.labourAbility()));
        diff(changes, "member.health", maskAll(old.health()), maskAll(blankToNull(draft.health())));
        diff(changes, "member.disability", maskAll(joinNonNull(old.disabilityCertNo(), old.disabilityGrade())),
                maskAll(joinNonNull(blankToNull(draft.disabilityCertNo()), blankToNull(draft.disabilityGrade()))));
        diff(changes, "member.medicalInsurance", str(old.medicalInsurance()), str(draft.medicalInsurance()));
        diff(changes, "member.pensionInsurance", str(old.pensionInsurance()), str(draft.pensionInsurance()));
        for (String[] change : changes) {
            record(householdId, user, Kind.MEMBER_UPDATED, draft.name().trim(), change[0], change[1], change[2]);
        }
        touch(householdId);
        return members(householdId).stream().filter(m -> m.id() == memberId).findFirst().orElseThrow();
    }

    /** Removes a member from the household (the person may then join another); the history keeps them. */
    @Transactional
    public void removeMember(long householdId, long memberId, int expectedVersion) {
        SignedInUser user = CurrentUser.require();
        requireEditable(user, householdId);
        MemberRow old = memberRow(householdId, memberId);
        int rows = jdbc.sql("""
                update bf_member set active = false, active_id_number = null, version = version + 1
                 where id = ? and household_id = ? and version = ? and active = true""")
                .params(memberId, householdId, expectedVersion).update();
        if (rows == 0) {
            throw new StaleHousehold(old.name(), old.version());
        }
        record(householdId, user, Kind.MEMBER_REMOVED, old.name() + " " + IdNumber.mask(old.idNumber()), null, null,
                null);
        touch(householdId);
    }

    /** Records who is responsible for the household from a date on; the previous one's term ends the day before. */
    @Transactional
    public void assignCadre(long householdId, String name, String unit, LocalDate from) {
        SignedInUser user = CurrentUser.require();
        requireEditable(user, householdId);
        if (name == null || name.isBlank()) {
            throw new InvalidInput(List.of(new FieldError("cadreName", "household.cadre.required")));
        }
        PersonName.problem(name).ifPresent(problem -> {
            throw new InvalidInput(List.of(new FieldError("cadreName", problem)));
        });
        jdbc.sql("update bf_cadre_assignment set to_date = ? where household_id = ? and to_date is null")
                .params(from.minusDays(1), householdId).update();
        jdbc.sql("""
                insert into bf_cadre_assignment (household_id, cadre_name, cadre_unit, from_date, created_at)
                values (?, ?, ?, ?, ?)""").params(householdId, name.trim(), blankToNull(unit), from, now()).update();
        record(householdId, user, Kind.UPDATED, null, "cadre", null, name.trim() + " " + from);
        touch(householdId);
    }

    // ---- the pairing procedure ------------------------------------------------------------------------

    /** The stages the procedure's steps report; the ends come only from what happened ({@link #paired} …). */
    private static final Set<HouseholdStage> STEPS = EnumSet.range(HouseholdStage.IDENTIFICATION,
            HouseholdStage.PLANNING);

    /**
     * The household's case has reached this step of the assistance-pairing procedure: the pairing process says so
     * when a step begins, so the file always shows where the case stands; the change is in the file's history.
     */
    @Transactional
    public void reachedStep(long householdId, HouseholdStage step) {
        if (!STEPS.contains(step)) {
            throw new IllegalArgumentException(step + " is where a case ends, not a step");
        }
        moveToStage(householdId, step);
    }

    /** The procedure found the household not eligible: its case ended without assistance. */
    @Transactional
    public void foundNotEligible(long householdId) {
        moveToStage(householdId, HouseholdStage.NOT_ELIGIBLE);
    }

    /** The household is paired with its team: the procedure ended and the team assists it. */
    @Transactional
    public void paired(long householdId) {
        moveToStage(householdId, HouseholdStage.PAIRED);
    }

    /** The household has left assistance (its exit was approved). */
    @Transactional
    public void exited(long householdId) {
        moveToStage(householdId, HouseholdStage.EXITED);
    }

    private void moveToStage(long householdId, HouseholdStage stage) {
        SignedInUser user = CurrentUser.require();
        String before = jdbc.sql("select stage from bf_household where id = ?").param(householdId)
                .query(String.class).optional().orElseThrow(() -> new HouseholdNotFound(householdId));
        if (!before.equals(stage.name())) {
            jdbc.sql("update bf_household set stage = ?, updated_at = ?, version = version + 1 where id = ?")
                    .params(stage.name(), now(), householdId).update();
            record(householdId, user, Kind.STAGE_CHANGED, null, "stage", before, stage.name());
            feed.stageChanged(householdId, HouseholdStage.valueOf(before), stage, clock.instant());
        }
    }

    /** The district confirmed the team that assists the household from now on. */
    @Transactional
    public void teamAssigned(long householdId, long teamId) {
        SignedInUser user = CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        Row row = requireVisible(householdId);
        if (jdbc.sql("select count(*) from bf_team where id = ?").param(teamId).query(Integer.class).single() == 0) {
            throw new InvalidInput(List.of(new FieldError("teamId", "household.team.unknown")));
        }
        if (!Objects.equals(row.teamId(), teamId)) {
            jdbc.sql("update bf_household set team_id = ?, updated_at = ?, version = version + 1 where id = ?")
                    .params(teamId, now(), householdId).update();
            record(householdId, user, Kind.UPDATED, null, "teamId", str(row.teamId()), str(teamId));
            feed.changed(householdId, clock.instant());
        }
    }

    /**
     * Moves a household that a team assists to another team (the district's decision; the pairing module records
     * it and moves the work that follows). Nothing changes and {@link StaleHousehold} says so when the file was
     * saved since {@code expectedVersion} (null: not checked) or its team is no longer {@code fromTeamId}. The
     * history keeps both teams (by id, shown by name) with the reason.
     */
    @Transactional
    public void movedToTeam(long householdId, Integer expectedVersion, long fromTeamId, long toTeamId, String reason) {
        SignedInUser user = CurrentUser.requireRole(Role.DISTRICT);
        requireVisible(householdId);
        record Current(Long teamId, int version) {
        }
        Current current = jdbc.sql("select team_id, version from bf_household where id = ? for update")
                .param(householdId).query((rs, n) -> new Current(rs.getObject(1, Long.class), rs.getInt(2))).single();
        if ((expectedVersion != null && expectedVersion != current.version())
                || !Objects.equals(current.teamId(), fromTeamId)) {
            throw new StaleHousehold(fileNo(householdId), current.version());
        }
        jdbc.sql("update bf_household set team_id = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(toTeamId, now(), householdId).update();
        record(householdId, user, Kind.TEAM_MOVED, reason, "teamId", str(fromTeamId), str(toTeamId));
        feed.changed(householdId, clock.instant());
    }

    /** The household was filed with the bureau (备案): its file is the official record under this number. */
    @Transactional
    public void filed(long householdId, String filingNo, LocalDate filedOn) {
        SignedInUser user = CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        requireVisible(householdId);
        jdbc.sql("update bf_household set filing_no = ?, filed_on = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(filingNo, filedOn, now(), householdId).update();
        record(householdId, user, Kind.UPDATED, null, "filingNo", null, filingNo);
    }

    private static MemberDraft keepSensitive(MemberDraft d, MemberRow old) {
        return new MemberDraft(d.name(), d.relation(), d.gender(), d.birthDate(),
                d.idNumber() == null ? old.idNumber() : d.idNumber(), d.education(), d.schooling(), d.labourAbility(),
                d.health() == null ? old.health() : d.health(),
                d.disabilityCertNo() == null ? old.disabilityCertNo() : d.disabilityCertNo(),
                d.disabilityGrade() == null ? old.disabilityGrade() : d.disabilityGrade(), d.medicalInsurance(),
                d.pensionInsurance());
    }

    /** The history line of an attachment added by {@link Attachments}. */
    void recordAttachment(long householdId, String name) {
        record(householdId, CurrentUser.require(), Kind.ATTACHMENT_ADDED, name, null, null, null);
        touch(householdId);
    }

    // ---- rules ---------------------------------------------------------------------------------------

    /**
     * A deactivated village or team is taken for no household that does not have it already (the organisation keeps
     * it for history only).
     */
    private void deactivated(List<FieldError> errors, HouseholdDraft d, Long keptVillage, Long keptTeam) {
        if (d.villageId() != null && !d.villageId().equals(keptVillage)
                && organisation.village(d.villageId()).filter(v -> !v.active()).isPresent()) {
            errors.add(new FieldError("villageId", "household.village.inactive"));
        }
        if (d.teamId() != null && !d.teamId().equals(keptTeam)
                && organisation.team(d.teamId()).filter(t -> !t.active()).isPresent()) {
            errors.add(new FieldError("teamId", "household.team.inactive"));
        }
    }

    private List<FieldError> validate(HouseholdDraft d, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (d.headName() == null || d.headName().isBlank()) {
            errors.add(new FieldError("headName", "household.headName.required"));
        } else {
            PersonName.problem(d.headName()).ifPresent(problem -> errors.add(new FieldError("headName",
                    problem.equals("personName.tooLong") ? "household.headName.tooLong" : problem)));
        }
        if (d.streetId() == null) {
            errors.add(new FieldError("streetId", "household.street.required"));
        }
        if (d.villageId() == null) {
            errors.add(new FieldError("villageId", "household.village.required"));
        } else if (d.streetId() != null && jdbc.sql("select count(*) from bf_village where id = ? and street_id = ?")
                .params(d.villageId(), d.streetId()).query(Integer.class).single() == 0) {
            errors.add(new FieldError("villageId", "household.village.notInStreet"));
        }
        if (d.attribute() == null) {
            errors.add(new FieldError("attribute", "household.attribute.required"));
        }
        if (d.phone() != null && !d.phone().isBlank() && !MOBILE.matcher(d.phone().trim()).matches()
                && !LANDLINE.matcher(d.phone().trim()).matches()) {
            errors.add(new FieldError("phone", "household.phone.invalid"));
        }
        if (d.bankAccount() != null && !d.bankAccount().isBlank() && !BANK_ACCOUNT.matcher(d.bankAccount().trim()).matches()) {
            errors.add(new FieldError("bankAccount", "household.bankAccount.invalid"));
        }
        area(errors, "housingArea", d.housingArea());
        area(errors, "landArea", d.landArea());
        code(errors, "housingStructure", CodeLists.STRUCTURE, d.housingStructure());
        code(errors, "dilapidation", CodeLists.DILAPIDATION, d.dilapidation());
        code(errors, "mainCause", CodeLists.CAUSE, d.mainCause());
        for (String cause : d.secondaryCauses()) {
            code(errors, "secondaryCauses", CodeLists.CAUSE, cause);
        }
        if (d.mainCause() != null && d.secondaryCauses().contains(d.mainCause())) {
            errors.add(new FieldError("secondaryCauses", "household.secondaryCauses.containsMain"));
        }
        if (d.needs() != null && d.needs().length() > 2000) {
            errors.add(new FieldError("needs", "household.needs.tooLong"));
        }
        if (d.teamId() != null && jdbc.sql("select count(*) from bf_team where id = ?").param(d.teamId())
                .query(Integer.class).single() == 0) {
            errors.add(new FieldError("teamId", "household.team.unknown"));
        }
        if (d.address() != null && d.address().length() > 200) {
            errors.add(new FieldError("address", "household.address.tooLong"));
        }
        return errors;
    }

    private IdNumber validateMember(long householdId, Long memberId, MemberDraft d) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (d.name() == null || d.name().isBlank()) {
            errors.add(new FieldError("name", "member.name.required"));
        } else {
            PersonName.problem(d.name()).ifPresent(problem -> errors.add(new FieldError("name",
                    problem.equals("personName.tooLong") ? "member.name.tooLong" : problem)));
        }
        if (d.relation() == null || d.relation().isBlank()) {
            errors.add(new FieldError("relation", "member.relation.required"));
        } else {
            code(errors, "relation", CodeLists.RELATION, d.relation());
        }
        IdNumber idNumber = null;
        Optional<String> problem = IdNumber.problem(d.idNumber(), today);
        if (problem.isPresent()) {
            errors.add(new FieldError("idNumber", problem.get()));
        } else {
            idNumber = IdNumber.parse(d.idNumber(), today);
            if (d.gender() != null && d.gender() != idNumber.gender()) {
                errors.add(new FieldError("gender", "member.gender.mismatch"));
            }
            if (d.birthDate() != null && !d.birthDate().equals(idNumber.birthDate())) {
                errors.add(new FieldError("birthDate", "member.birthDate.mismatch", idNumber.birthDate()));
            }
            Long elsewhere = memberId == null ? householdOf(idNumber.value())
                    : jdbc.sql("select household_id from bf_member where active_id_number = ? and id <> ?")
                            .params(idNumber.value(), memberId).query(Long.class).optional().orElse(null);
            if (elsewhere != null) {
                errors.add(elsewhere == householdId ? new FieldError("idNumber", "member.idNumber.alreadyMember")
                        : activeElsewhere(elsewhere));
            }
        }
        code(errors, "education", CodeLists.EDUCATION, d.education());
        code(errors, "schooling", CodeLists.SCHOOLING, d.schooling());
        code(errors, "labourAbility", CodeLists.LABOUR, d.labourAbility());
        code(errors, "health", CodeLists.HEALTH, d.health());
        if (d.disabilityGrade() != null && !d.disabilityGrade().isBlank()
                && !List.of("1", "2", "3", "4").contains(d.disabilityGrade().trim())) {
            errors.add(new FieldError("disabilityGrade", "member.disabilityGrade.invalid"));
        }
        if (d.disabilityCertNo() != null && d.disabilityCertNo().length() > 32) {
            errors.add(new FieldError("disabilityCertNo", "member.disabilityCertNo.tooLong"));
        }
        if (d.relation() != null && d.relation().equals("HEAD") && jdbc.sql("""
                select count(*) from bf_member where household_id = ? and active = true and relation = 'HEAD'"""
                + (memberId == null ? "" : " and id <> " + memberId.longValue()))
                .param(householdId).query(Integer.class).single() > 0) {
            errors.add(new FieldError("relation", "member.relation.secondHead"));
        }
        throwIfAny(errors);
        return idNumber;
    }

    /** The household in which a person is an active member, if any. */
    private Long householdOf(String idNumber) {
        return jdbc.sql("select household_id from bf_member where active_id_number = ?").param(idNumber)
                .query(Long.class).optional().orElse(null);
    }

    /** The message names the other household only if the caller may see it. */
    private FieldError activeElsewhere(Long other) {
        Optional<HouseholdFile> visible = other == null ? Optional.empty() : find(other);
        return visible.map(h -> new FieldError("idNumber", "member.idNumber.activeIn", h.headName(), h.fileNo()))
                .orElseGet(() -> new FieldError("idNumber", "member.idNumber.activeElsewhere"));
    }

    private void code(List<FieldError> errors, String field, String list, String code) {
        if (code != null && !code.isBlank() && !codes.contains(list, code)) {
            errors.add(new FieldError(field, "code.unknown", code));
        }
    }

    private static void area(List<FieldError> errors, String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(MAX_AREA) > 0 || value.scale() > 2)) {
            errors.add(new FieldError(field, "household.area.invalid"));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static boolean mayEdit(SignedInUser user, long streetId, Long teamId) {
        return !user.hasRole(Role.LEADER) && HouseholdScope.of(user).covers(streetId, teamId);
    }

    private static boolean mayReveal(SignedInUser user, Long teamId) {
        return user.hasRole(Role.DISTRICT)
                || ((user.hasRole(Role.TEAM_MEMBER) || user.hasRole(Role.TEAM_LEADER)) && teamId != null
                        && teamId.equals(user.teamId()));
    }

    private static boolean mayAssignTeam(SignedInUser user) {
        return user.hasRole(Role.DISTRICT) || user.hasRole(Role.ADMIN);
    }

    // ---- rows ----------------------------------------------------------------------------------------

    /** The unmasked row, if the caller may see it; else as if it did not exist. */
    private Row requireVisible(long id) {
        return visibleRow(id).orElseThrow(() -> new HouseholdNotFound(id));
    }

    /** Whether the caller may see the household (for the module's other services). */
    boolean isVisible(long id) {
        return visibleRow(id).isPresent();
    }

    /** Access denied if the caller may see but not change the household, not found if not even see it. */
    void requireEditable(long householdId) {
        requireEditable(CurrentUser.require(), householdId);
    }

    private Optional<Row> visibleRow(long id) {
        HouseholdScope scope = HouseholdScope.of(CurrentUser.require());
        List<Object> params = new ArrayList<>(scope.parameters());
        params.add(id);
        return jdbc.sql("""
                select h.id, h.head_name, h.street_id, h.village_id, h.address, h.phone, h.bank_account, h.attribute,
                       h.housing_area, h.housing_structure, h.dilapidation, h.land_area, h.main_cause,
                       h.secondary_causes, h.needs, h.team_id, h.version
                  from bf_household h where\s""" + scope.condition() + " and h.id = ?")
                .params(params)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9), rs.getString(10),
                        rs.getString(11), rs.getBigDecimal(12), rs.getString(13), rs.getString(14), rs.getString(15),
                        rs.getObject(16, Long.class), rs.getInt(17)))
                .optional();
    }

    private Row requireEditable(SignedInUser user, long householdId) {
        Row row = requireVisible(householdId);
        if (!mayEdit(user, row.streetId(), row.teamId())) {
            throw new AccessDeniedException("read-only");
        }
        return row;
    }

    private MemberRow memberRow(long householdId, long memberId) {
        return jdbc.sql("""
                select name, relation, id_number, education, schooling, labour_ability, health, disability_cert_no,
                       disability_grade, medical_insurance, pension_insurance, version
                  from bf_member where id = ? and household_id = ? and active = true""")
                .params(memberId, householdId)
                .query((rs, n) -> new MemberRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getBoolean(10), rs.getBoolean(11), rs.getInt(12)))
                .optional().orElseThrow(() -> new HouseholdNotFound(householdId));
    }

    private void record(long householdId, SignedInUser user, Kind kind, String subject, String field, String oldValue,
            String newValue) {
        jdbc.sql("""
                insert into bf_household_change (household_id, occurred_at, actor, kind, subject, field, old_value, new_value)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(householdId, now(), user.getUsername(), kind.name(), subject, field, oldValue, newValue)
                .update();
    }

    private void touch(long householdId) {
        jdbc.sql("update bf_household set updated_at = ? where id = ?").params(now(), householdId).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void diff(List<String[]> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new String[] { field, before, after });
        }
    }

    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() <= 7 ? "*".repeat(phone.length())
                : phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** A bank account as it is shown: all but the last four digits starred. */
    public static String maskAccount(String account) {
        return account == null ? null
                : account.length() <= 4 ? "****" : "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
    }

    private static String maskAll(String value) {
        return value == null ? null : "***";
    }

    private static String str(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String joinCodes(List<String> codes) {
        return codes.isEmpty() ? null : String.join(",", codes);
    }

    private static List<String> splitCodes(String codes) {
        return codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(","));
    }

    private static String joinNonNull(String a, String b) {
        return a == null && b == null ? null : (a == null ? "" : a) + (b == null ? "" : " / " + b + "级");
    }

    private record Row(long id, String headName, long streetId, long villageId, String address, String phone,
            String bankAccount, String attribute, BigDecimal housingArea, String housingStructure, String dilapidation,
            BigDecimal landArea, String mainCause, String secondaryCauses, String needs, Long teamId, int version) {
    }

    private record MemberRow(String name, String relation, String idNumber, String education, String schooling,
            String labourAbility, String health, String disabilityCertNo, String disabilityGrade,
            boolean medicalInsurance, boolean pensionInsurance, int version) {
    }
}
