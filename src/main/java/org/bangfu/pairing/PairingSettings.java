package org.bangfu.pairing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.bangfu.settings.Fraction;
import org.bangfu.settings.Settings;
import org.bangfu.shared.InvalidInput.FieldError;
import org.springframework.stereotype.Component;

/**
 * What the bureau sets about the procedure: notice periods per level and due dates per step in working days, the
 * quorum and majority of each review, and where objections go. Each answer is the value in force now (系统设置),
 * so a change applies to the next notice, task or review without a restart.
 */
@Component
public class PairingSettings {

    static final String NOTICE_DAYS = "pairing.notice-days.";
    static final String DUE_DAYS = "pairing.due-days.";
    static final String DEFAULT_DUE_DAYS = "pairing.default-due-days";
    static final String REVIEWS = "pairing.reviews.";
    static final String OBJECTION_OFFICE = "pairing.objection-office";
    static final String OBJECTION_PHONE = "pairing.objection-phone";

    private final Settings settings;
    private final Set<String> levels;
    private final Set<String> stepsWithDueDays;

    PairingSettings(Settings settings, PairingDefaults defaults) {
        this.settings = settings;
        this.levels = Set.copyOf(defaults.noticeDays().keySet());
        this.stepsWithDueDays = Set.copyOf(defaults.dueDays().keySet());
    }

    /**
     * A review's rule: at least {@code presentNumerator/presentDenominator} of the members present, and the
     * decision by more than {@code majorityNumerator/majorityDenominator} of those present.
     */
    public record Quorum(int presentNumerator, int presentDenominator, int majorityNumerator, int majorityDenominator) {

        public boolean quorate(int members, int present) {
            return (long) present * presentDenominator >= (long) members * presentNumerator;
        }

        public boolean carried(int present, int votesFor) {
            return (long) votesFor * majorityDenominator > (long) present * majorityNumerator;
        }

        /** The fewest members present that make a quorum. */
        public int minimumPresent(int members) {
            return (int) Math.ceil((double) members * presentNumerator / presentDenominator);
        }

        /**
         * What is wrong with a meeting's numbers, as the task service refuses them and the form shows them while
         * they are typed: no more present than members, a quorum present, and the votes for, against and abstaining
         * adding up to those present. A number not known yet (null) is not judged, except that the votes known so
         * far may not already exceed those present.
         */
        public List<FieldError> problems(Integer members, Integer present, Integer votesFor, Integer votesAgainst,
                Integer votesAbstain) {
            List<FieldError> problems = new ArrayList<>();
            if (members != null && present != null) {
                if (present > members) {
                    problems.add(new FieldError("present", "review.present.moreThanMembers", members));
                } else if (!quorate(members, present)) {
                    problems.add(new FieldError("present", "review.quorum.notMet", minimumPresent(members), members,
                            presentNumerator + "/" + presentDenominator));
                }
            }
            List<Integer> votes = Stream.of(votesFor, votesAgainst, votesAbstain).filter(Objects::nonNull).toList();
            int cast = votes.stream().mapToInt(Integer::intValue).sum();
            if (present != null && (votes.size() == 3 ? cast != present : cast > present)) {
                problems.add(new FieldError("votesFor", "review.votes.notPresent", cast, present));
            }
            return problems;
        }
    }

    /** The notice period of a level (VILLAGE, STREET) in working days. */
    public int noticeDays(String level) {
        return levels.contains(level) ? settings.integer(NOTICE_DAYS + level) : 5;
    }

    /** The working days a step is due in: its own setting, or the default for steps without one. */
    public int dueDays(String taskKey) {
        return stepsWithDueDays.contains(taskKey) ? settings.integer(DUE_DAYS + taskKey) : defaultDueDays();
    }

    public int defaultDueDays() {
        return settings.integer(DEFAULT_DUE_DAYS);
    }

    /** The rule of a review (FIRST, SECOND). */
    public Quorum review(String kind) {
        Fraction present = settings.fraction(REVIEWS + kind + ".quorum");
        Fraction majority = settings.fraction(REVIEWS + kind + ".majority");
        return new Quorum(present.numerator(), present.denominator(), majority.numerator(), majority.denominator());
    }

    /** Printed on every notice: where objections go. */
    public String objectionOffice() {
        return settings.text(OBJECTION_OFFICE);
    }

    public String objectionPhone() {
        return settings.text(OBJECTION_PHONE);
    }
}
