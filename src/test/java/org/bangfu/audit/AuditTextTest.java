package org.bangfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.bangfu.funds.ApprovalLevel;
import org.bangfu.shared.Texts;
import org.bangfu.testsupport.MessageBundles;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Audit lines are stored as keys and arguments and read in the auditor's language; older plain lines as written. */
class AuditTextTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames(MessageBundles.basenames());
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static final Texts CHINESE = (key, args) -> MESSAGES.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    private static final Texts ENGLISH = (key, args) -> MESSAGES.getMessage(key, args, Locale.ENGLISH);

    @Test
    void aFundDecisionReadsInWordsWithItsCodesLabelled() {
        // as FundRequests writes it
        String target = AuditText.of("audit.target.fundRequest", 8L);
        String detail = AuditText.of("audit.detail.fundDecided", AuditText.label("task." + ApprovalLevel.DISTRICT.taskKey()),
                AuditText.label("form.choice.decision.APPROVE"), "8000.00", 1);

        assertThat(AuditText.render(target, CHINESE)).isEqualTo("资金申请 #8");
        assertThat(AuditText.render(detail, CHINESE)).contains("同意", "8000.00 元", "第 1 轮")
                .doesNotContain("APPROVE", "DISTRICT", "round");
        assertThat(AuditText.render(detail, ENGLISH)).contains("8000.00 yuan", "round 1");
    }

    @Test
    void numbersAreShownAsWrittenNotGroupedLikeAmounts() {
        assertThat(AuditText.render(AuditText.of("audit.target.comparisonBatch", 2027), CHINESE))
                .isEqualTo("比对批次 #2027");
    }

    @Test
    void severalChangesReadOneAfterTheOther() {
        String detail = AuditText.ofAll(java.util.List.of(AuditText.label("audit.detail.phoneChanged"),
                AuditText.label("audit.detail.roleChanged", AuditText.label("role.TEAM_MEMBER"),
                        AuditText.label("role.TEAM_LEADER"))));

        assertThat(AuditText.render(detail, CHINESE)).isEqualTo("修改了联系电话；角色 帮扶小组成员 → 帮扶小组组长");
    }

    @Test
    void aLineWrittenBeforeKeysOrCutShortIsShownAsWritten() {
        assertThat(AuditText.render("fund request 8", CHINESE)).isEqualTo("fund request 8");
        assertThat(AuditText.render("{\"key\":\"audit.detail.payments\",\"args\":[\"3", CHINESE))
                .isEqualTo("{\"key\":\"audit.detail.payments\",\"args\":[\"3");
        assertThat(AuditText.render(null, CHINESE)).isNull();
    }
}
