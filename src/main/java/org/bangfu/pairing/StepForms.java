package org.bangfu.pairing;

import static org.bangfu.tasks.FormField.Type.DATE;
import static org.bangfu.tasks.FormField.Type.INTEGER;
import static org.bangfu.tasks.FormField.Type.PHOTOS;
import static org.bangfu.tasks.FormField.Type.TEAM;
import static org.bangfu.tasks.FormField.Type.TEXT;
import static org.bangfu.tasks.FormField.Type.TEXTAREA;
import static org.bangfu.pairing.PairingVariables.BACK;
import static org.bangfu.pairing.PairingVariables.DISMISS;
import static org.bangfu.pairing.PairingVariables.FAIL;
import static org.bangfu.pairing.PairingVariables.PASS;
import static org.bangfu.pairing.PairingVariables.UPHOLD;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.bangfu.comparison.ComparisonReport;
import org.bangfu.comparison.Comparisons;
import org.bangfu.household.CodeLists;
import org.bangfu.pairing.PairingSettings.Quorum;
import org.bangfu.tasks.FormField;
import org.bangfu.tasks.FormInput;
import org.bangfu.tasks.StepOutcome;
import org.bangfu.tasks.TaskForms;
import org.bangfu.tasks.TaskStep;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The form of every user task: its fields, and what submitting it means. One set of rules for the UI and the
 * REST API: a form that breaks one changes nothing and names every broken field. What people record goes
 * to Bangfu's tables; the engine gets the decision and a few ids.
 */
@Component
class StepForms {

    private static final List<String> REVIEW_COUNTS = List.of("members", "present", "votesFor", "votesAgainst",
            "votesAbstain");

    private final JdbcClient jdbc;
    private final CodeLists codes;
    private final Comparisons comparisons;
    private final Notices notices;
    private final TeamCaseloads caseloads;
    private final PairingSettings settings;
    private final MessageSource messages;
    private final Clock clock;
    private final List<TaskForms> extensions;

    StepForms(JdbcClient jdbc, CodeLists codes, Comparisons comparisons, Notices notices, TeamCaseloads caseloads,
            PairingSettings settings, MessageSource messages, Clock clock, List<TaskForms> extensions) {
        this.extensions = extensions;
        this.jdbc = jdbc;
        this.codes = codes;
        this.comparisons = comparisons;
        this.notices = notices;
        this.caseloads = caseloads;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    List<FormField> fields(String taskKey) {
        TaskForms other = extension(taskKey);
        if (other != null) {
            return other.fields(taskKey);
        }
        return switch (taskKey) {
            case PairingVariables.HOME_CHECK -> List.of(FormField.required("visitDate", DATE),
                    FormField.required("visitors", TEXT), FormField.required("findings", TEXTAREA),
                    FormField.optional("photos", PHOTOS), FormField.decision(PASS, FAIL),
                    FormField.requiredWhen("reason", TEXTAREA, FAIL));
            case PairingVariables.FIRST_REVIEW, PairingVariables.SECOND_REVIEW -> List.of(
                    FormField.decision(PASS, FAIL, BACK),
                    FormField.requiredWhen("meetingDate", DATE, PASS, FAIL),
                    FormField.requiredWhen("place", TEXT, PASS, FAIL),
                    FormField.requiredWhen("members", INTEGER, PASS, FAIL),
                    FormField.requiredWhen("present", INTEGER, PASS, FAIL),
                    FormField.requiredWhen("votesFor", INTEGER, PASS, FAIL),
                    FormField.requiredWhen("votesAgainst", INTEGER, PASS, FAIL),
                    FormField.requiredWhen("votesAbstain", INTEGER, PASS, FAIL),
                    FormField.requiredWhen("attendees", TEXTAREA, PASS, FAIL),
                    FormField.requiredWhen("reason", TEXTAREA, FAIL, BACK));
            case PairingVariables.RESOLVE_WARNINGS -> List.of(FormField.optional("note", TEXTAREA));
            case PairingVariables.STREET_REVIEW -> List.of(FormField.required("opinion", TEXTAREA),
                    FormField.decision(PASS, FAIL, BACK), FormField.requiredWhen("reason", TEXTAREA, FAIL, BACK));
            case PairingVariables.FILING -> List.of(FormField.optional("opinion", TEXTAREA),
                    FormField.decision(PASS, FAIL, BACK), FormField.requiredWhen("reason", TEXTAREA, FAIL, BACK));
            case PairingVariables.CONFIRM_TEAM -> List.of(FormField.required("teamId", TEAM),
                    FormField.optional("overrideReason", TEXTAREA));
            case PairingVariables.FIRST_VISIT_PLAN -> List.of(FormField.decision(PASS, BACK),
                    FormField.requiredWhen("visitDate", DATE, PASS), FormField.requiredWhen("visitors", TEXT, PASS),
                    FormField.codes("mainCause", false, CodeLists.CAUSE, false),
                    FormField.codes("secondaryCauses", false, CodeLists.CAUSE, true),
                    FormField.requiredWhen("needs", TEXTAREA, PASS),
                    FormField.requiredWhen("assistingParty", TEXT, PASS),
                    FormField.codes("measures", false, CodeLists.MEASURE, true),
                    FormField.requiredWhen("plan", TEXTAREA, PASS), FormField.requiredWhen("reason", TEXTAREA, BACK));
            case PairingVariables.POST_NOTICE -> List.of(FormField.required("postedOn", DATE),
                    FormField.required("place", TEXT));
            case PairingVariables.RECHECK -> List.of(FormField.required("findings", TEXTAREA),
                    FormField.decision(UPHOLD, DISMISS), FormField.required("reason", TEXTAREA));
            default -> throw new IllegalArgumentException("no form for " + taskKey);
        };
    }

    StepOutcome submit(TaskStep step, Map<String, Object> raw) {
        FormInput in = new FormInput(raw, LocalDate.now(clock));
        TaskForms other = extension(step.taskKey());
        if (other != null) {
            return other.submit(step, in);
        }
        return switch (step.taskKey()) {
            case PairingVariables.HOME_CHECK -> homeCheck(step, in);
            case PairingVariables.FIRST_REVIEW -> review(step, in, "FIRST");
            case PairingVariables.SECOND_REVIEW -> review(step, in, "SECOND");
            case PairingVariables.RESOLVE_WARNINGS -> resolveWarnings(step, in);
            case PairingVariables.STREET_REVIEW -> decide(in, true, PASS, FAIL, BACK);
            case PairingVariables.FILING -> decide(in, false, PASS, FAIL, BACK);
            case PairingVariables.CONFIRM_TEAM -> confirmTeam(step, in);
            case PairingVariables.FIRST_VISIT_PLAN -> firstVisitPlan(in);
            case PairingVariables.POST_NOTICE -> postNotice(step, in);
            case PairingVariables.RECHECK -> recheck(step, in);
            default -> throw new IllegalArgumentException("no form for " + step.taskKey());
        };
    }

    // ---- the forms -----------------------------------------------------------------------------------

    private StepOutcome homeCheck(TaskStep step, FormInput in) {
        in.pastDate("visitDate", true);
        String visitors = in.text("visitors", true, 200);
        if (visitors != null && names(visitors) < 2) {
            in.error("visitors", "pairing.homeCheck.twoVisitors");
        }
        in.text("findings", true, 2000);
        photos(step, in, "photos");
        String decision = in.choice("decision", List.of(PASS, FAIL));
        String reason = in.text("reason", FAIL.equals(decision), 500);
        in.throwIfInvalid();
        return StepOutcome.of(in, decision, reason);
    }

    private StepOutcome review(TaskStep step, FormInput in, String kind) {
        String decision = in.choice("decision", List.of(PASS, FAIL, BACK));
        boolean meeting = !BACK.equals(decision);
        String reason = in.text("reason", FAIL.equals(decision) || BACK.equals(decision), 500);
        LocalDate date = null;
        String place = null;
        String attendees = null;
        Map<String, Integer> counts = new HashMap<>();
        if (meeting) {
            date = in.pastDate("meetingDate", true);
            place = in.text("place", true, 200);
            attendees = in.text("attendees", true, 2000);
            for (String name : REVIEW_COUNTS) {
                counts.put(name, in.integer(name, true, 0, 100_000));
            }
            if (counts.get("members") != null && counts.get("members") == 0) {
                in.error("members", "form.integer.range", 1, 100_000);
            }
            if (!REVIEW_COUNTS.stream().allMatch(name -> counts.get(name) != null) || in.hasError("members")) {
                in.throwIfInvalid();
            }
            int present = counts.get("present");
            Quorum rule = settings.review(kind);
            rule.problems(counts.get("members"), present, counts.get("votesFor"), counts.get("votesAgainst"),
                    counts.get("votesAbstain")).forEach(e -> in.error(e.field(), e.messageKey(), e.arguments()));
            if (decision != null && !in.hasError("present") && !in.hasError("votesFor")) {
                boolean carried = rule.carried(present, counts.get("votesFor"));
                if (PASS.equals(decision) && !carried) {
                    in.error("decision", "review.decision.notCarried", counts.get("votesFor"), present);
                } else if (FAIL.equals(decision) && carried) {
                    in.error("decision", "review.decision.carried", counts.get("votesFor"), present);
                }
            }
        }
        in.throwIfInvalid();
        if (meeting) {
            jdbc.sql("""
                    insert into bf_review (case_id, kind, meeting_date, place, members, present, votes_for,
                        votes_against, votes_abstain, attendees, decision, recorded_by, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(step.caseId(), kind, date, place, counts.get("members"), counts.get("present"),
                            counts.get("votesFor"), counts.get("votesAgainst"), counts.get("votesAbstain"), attendees,
                            decision, step.username(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        }
        return StepOutcome.of(in, decision, reason);
    }

    private StepOutcome resolveWarnings(TaskStep step, FormInput in) {
        in.text("note", false, 2000);
        Long reportId = step.longVariable(PairingVariables.COMPARISON_REPORT_ID);
        ComparisonReport report = reportId == null ? null : comparisons.report(reportId).orElse(null);
        if (report == null) {
            in.error("note", "pairing.warnings.noReport");
        } else if (!report.complete()) {
            in.error("note", "pairing.warnings.open", report.openWarnings());
        }
        in.throwIfInvalid();
        boolean excluded = report.excludesHousehold();
        return StepOutcome.of(in, excluded ? FAIL : PASS,
                excluded ? messages.getMessage("pairing.reason.excluded", null, Locale.SIMPLIFIED_CHINESE) : null);
    }

    private StepOutcome decide(FormInput in, boolean opinionRequired, String... choices) {
        in.text("opinion", opinionRequired, 2000);
        String decision = in.choice("decision", Arrays.asList(choices));
        String reason = in.text("reason", FAIL.equals(decision) || BACK.equals(decision), 500);
        in.throwIfInvalid();
        return StepOutcome.of(in, decision, reason);
    }

    private StepOutcome confirmTeam(TaskStep step, FormInput in) {
        Integer chosen = in.integer("teamId", true, 1, Integer.MAX_VALUE);
        Long proposed = step.longVariable(PairingVariables.PROPOSED_TEAM_ID);
        boolean overridden = chosen != null && !Objects.equals(proposed, chosen.longValue());
        String why = in.text("overrideReason", overridden, 500);
        if (chosen != null && caseloads.all().stream().noneMatch(t -> t.id() == chosen)) {
            in.error("teamId", "household.team.unknown");
        }
        in.throwIfInvalid();
        StepOutcome outcome = StepOutcome.of(in, PASS, overridden ? why : null);
        outcome.variables().put(PairingVariables.TEAM_ID, chosen.longValue());
        return outcome;
    }

    private StepOutcome firstVisitPlan(FormInput in) {
        String decision = in.choice("decision", List.of(PASS, BACK));
        boolean plan = PASS.equals(decision);
        in.pastDate("visitDate", plan);
        in.text("visitors", plan, 200);
        List<String> main = in.codes("mainCause", plan);
        List<String> secondary = in.codes("secondaryCauses", false);
        in.text("needs", plan, 2000);
        in.text("assistingParty", plan, 200);
        List<String> measures = in.codes("measures", plan);
        in.text("plan", plan, 4000);
        String reason = in.text("reason", BACK.equals(decision), 500);
        if (main.size() > 1) {
            in.error("mainCause", "pairing.plan.oneMainCause");
        }
        known(in, "mainCause", CodeLists.CAUSE, main);
        known(in, "secondaryCauses", CodeLists.CAUSE, secondary);
        known(in, "measures", CodeLists.MEASURE, measures);
        in.throwIfInvalid();
        return StepOutcome.of(in, decision, reason);
    }

    private StepOutcome postNotice(TaskStep step, FormInput in) {
        LocalDate postedOn = in.pastDate("postedOn", true);
        String place = in.text("place", true, 200);
        Long noticeId = step.longVariable(PairingVariables.NOTICE_ID);
        Notice notice = notices.byId(noticeId);
        LocalDate prepared = LocalDate.ofInstant(notice.createdAt(), clock.getZone());
        if (postedOn != null && postedOn.isBefore(prepared)) {
            in.error("postedOn", "notice.postedBeforePrepared", prepared);
        }
        in.throwIfInvalid();
        StepOutcome outcome = StepOutcome.of(in, null, null);
        outcome.variables().put(PairingVariables.NOTICE_ENDS, notices.post(noticeId, postedOn, place));
        return outcome;
    }

    private StepOutcome recheck(TaskStep step, FormInput in) {
        in.text("findings", true, 2000);
        String decision = in.choice("decision", List.of(UPHOLD, DISMISS));
        String reason = in.text("reason", true, 500);
        in.throwIfInvalid();
        notices.recheck(step.longVariable(PairingVariables.NOTICE_ID), UPHOLD.equals(decision), reason,
                step.username());
        StepOutcome outcome = StepOutcome.of(in, decision, reason);
        if (UPHOLD.equals(decision)) {
            outcome.variables().put(PairingVariables.NOTICE_OUTCOME, PairingVariables.UPHELD);
            outcome.variables().put(PairingVariables.REJECTION_REASON, reason);
            outcome.variables().put(PairingVariables.REJECTED_AT, step.taskKey());
        }
        return outcome;
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Every step with a form, in the order a household meets them: the pairing's, then other modules'. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(List.of(PairingVariables.HOME_CHECK, PairingVariables.FIRST_REVIEW,
                PairingVariables.RESOLVE_WARNINGS, PairingVariables.SECOND_REVIEW, PairingVariables.POST_NOTICE,
                PairingVariables.RECHECK, PairingVariables.STREET_REVIEW, PairingVariables.FILING,
                PairingVariables.CONFIRM_TEAM, PairingVariables.FIRST_VISIT_PLAN));
        extensions.forEach(forms -> keys.addAll(forms.taskKeys()));
        return keys;
    }

    /** The other module's forms for this task, if it is not one of the pairing's own. */
    TaskForms extension(String taskKey) {
        return extensions.stream().filter(forms -> forms.taskKeys().contains(taskKey)).findFirst().orElse(null);
    }

    /** Photos of the step: attachments of this household, by id. */
    private void photos(TaskStep step, FormInput in, String field) {
        for (String id : in.codes(field, false)) {
            boolean ours = id.matches("\\d{1,18}") && jdbc.sql(
                    "select count(*) from bf_attachment where id = ? and household_id = ?")
                    .params(Long.parseLong(id), step.householdId()).query(Integer.class).single() > 0;
            if (!ours) {
                in.error(field, "pairing.photo.unknown", id);
            }
        }
    }

    private void known(FormInput in, String field, String list, List<String> values) {
        for (String code : values) {
            if (!codes.contains(list, code)) {
                in.error(field, "code.unknown", code);
            }
        }
    }

    /** People named in a list separated by commas, 、 or spaces. */
    private static int names(String text) {
        return (int) Arrays.stream(text.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).count();
    }
}
