package org.bangfu.pairing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.pairing.PairingSettings.Quorum;
import org.bangfu.pairing.TeamLoad;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.tasks.FormField.Type;
import org.bangfu.tasks.FormField;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;

/** The step form on its own: which fields a decision shows, what it sends, where errors land, the quorum hint. */
class StepFormTest {

    static final List<FormField> HOME_CHECK = List.of(
            new FormField("visitDate", Type.DATE, true, List.of(), null, List.of()),
            new FormField("visitors", Type.TEXT, true, List.of(), null, List.of()),
            new FormField("findings", Type.TEXTAREA, true, List.of(), null, List.of()),
            new FormField("decision", Type.CHOICE, true, List.of("PASS", "FAIL"), null, List.of()),
            new FormField("reason", Type.TEXTAREA, false, List.of(), null, List.of("FAIL")));

    static final List<FormField> REVIEW = List.of(
            new FormField("decision", Type.CHOICE, true, List.of("PASS", "FAIL", "BACK"), null, List.of()),
            new FormField("members", Type.INTEGER, false, List.of(), null, List.of("PASS", "FAIL")),
            new FormField("present", Type.INTEGER, false, List.of(), null, List.of("PASS", "FAIL")),
            new FormField("votesFor", Type.INTEGER, false, List.of(), null, List.of("PASS", "FAIL")),
            new FormField("reason", Type.TEXTAREA, false, List.of(), null, List.of("FAIL", "BACK")));

    static boolean visible(StepForm form, String name) {
        return ((Component) form.input(name)).isVisible();
    }

    @Test
    void theReasonAppearsOnlyWhenTheDecisionNeedsItAndTheFormSendsWhatWasEntered() {
        StepForm form = new StepForm(HOME_CHECK, list -> List.of(), List.of(), null, null);
        List<Map<String, Object>> sent = new ArrayList<>();
        form.addSubmitListener(e -> sent.add(e.values()));
        assertThat(visible(form, "reason")).isFalse();

        form.set("visitDate", LocalDate.of(2026, 11, 27));
        form.set("visitors", " 张明、李华 ");
        form.set("findings", "房屋破旧");
        form.set("decision", "FAIL");
        assertThat(visible(form, "reason")).isTrue();
        form.set("reason", "收入高于标准");
        form.submit.click();

        assertThat(sent).containsExactly(Map.of("visitDate", "2026-11-27", "visitors", "张明、李华", "findings", "房屋破旧",
                "decision", "FAIL", "reason", "收入高于标准"));
    }

    @Test
    void anAmountIsTypedAsPeopleWriteItAndSentInThePlainFormTheTaskServiceTakes() {
        StepForm form = new StepForm(List.of(new FormField("amount", Type.MONEY, true, List.of(), null, List.of())),
                list -> List.of(), List.of(), null, null);
        List<Map<String, Object>> sent = new ArrayList<>();
        form.addSubmitListener(e -> sent.add(e.values()));

        form.set("amount", "¥1,200.5");
        form.submit.click();
        assertThat(sent).containsExactly(Map.of("amount", "1200.50"));

        form.set("amount", "12.345");
        form.submit.click();
        assertThat(sent).hasSize(1);
        assertThat(((HasValidation) form.input("amount")).isInvalid()).isTrue();
    }

    @Test
    void sendingBackAReviewNeedsNoMeetingRecordAndTheFacadesErrorsMarkTheFields() {
        StepForm form = new StepForm(REVIEW, list -> List.of(), List.of(), null, new Quorum(2, 3, 1, 2));
        List<Map<String, Object>> sent = new ArrayList<>();
        form.addSubmitListener(e -> sent.add(e.values()));
        form.set("members", "30");
        form.set("decision", "BACK");
        assertThat(visible(form, "members")).isFalse();
        form.submit.click();
        assertThat(sent).containsExactly(Map.of("decision", "BACK"));

        form.showErrors(new InvalidInput(List.of(new FieldError("reason", "form.required"),
                new FieldError("notice", "notice.objection.closed"))));
        assertThat(((HasValidation) form.input("reason")).isInvalid()).isTrue();
        assertThat(((HasValidation) form.input("decision")).isInvalid()).isFalse();
    }

    @Test
    void theQuorumIsCheckedAsTheNumbersAreTyped() {
        StepForm form = new StepForm(REVIEW, list -> List.of(), List.of(), null, new Quorum(2, 3, 1, 2));
        form.set("decision", "PASS");
        form.set("members", "30");
        form.set("present", "19");
        String tooFew = form.quorumHint();
        form.set("present", "20");
        form.set("votesFor", "11");
        assertThat(form.quorumHint()).isNotEqualTo(tooFew);
        assertThat(tooFew).contains("review.quorum.notMet");
        assertThat(form.quorumHint()).contains("task.quorum.met", "task.quorum.carried");
    }

    @Test
    void moreVotesThanPeoplePresentAreNamedAsTypedNeverCalledCarriedAndNotSent() {
        StepForm form = new StepForm(REVIEW, list -> List.of(), List.of(), null, new Quorum(2, 3, 1, 2));
        List<Map<String, Object>> sent = new ArrayList<>();
        form.addSubmitListener(e -> sent.add(e.values()));
        form.set("decision", "PASS");
        form.set("members", "10");
        form.set("present", "8");
        form.set("votesFor", "9");

        assertThat(form.quorumHint()).contains("review.votes.notPresent").doesNotContain("task.quorum.carried",
                "task.quorum.met");
        form.submit.click();
        assertThat(sent).isEmpty();
        assertThat(((HasValidation) form.input("votesFor")).isInvalid()).isTrue();

        form.set("present", "12");
        assertThat(form.quorumHint()).contains("review.present.moreThanMembers").doesNotContain("task.quorum.carried");
        form.submit.click();
        assertThat(sent).isEmpty();
        assertThat(((HasValidation) form.input("present")).isInvalid()).isTrue();

        form.set("present", "9");
        assertThat(form.quorumHint()).contains("task.quorum.met", "task.quorum.carried");
        form.submit.click();
        assertThat(sent).singleElement().satisfies(v -> assertThat(v).containsEntry("votesFor", "9"));
    }

    @Test
    void theProposedTeamIsPreselectedAndAnotherOneAsksForAReason() {
        List<FormField> spec = List.of(new FormField("teamId", Type.TEAM, true, List.of(), null, List.of()),
                new FormField("overrideReason", Type.TEXTAREA, false, List.of(), null, List.of()));
        List<TeamLoad> teams = List.of(new TeamLoad(1, "第一帮扶小组", 1L, 3), new TeamLoad(2, "第二帮扶小组", 1L, 1));
        StepForm form = new StepForm(spec, list -> List.of(), teams, 2L, null);
        assertThat(form.values()).containsEntry("teamId", 2L);
        assertThat(form.input("overrideReason").isRequiredIndicatorVisible()).isFalse();
        form.set("teamId", teams.get(0));
        assertThat(form.input("overrideReason").isRequiredIndicatorVisible()).isTrue();
    }
}
