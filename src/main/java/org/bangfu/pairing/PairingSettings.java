package org.bangfu.pairing;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the bureau configures about the procedure ({@code bangfu.pairing.*}): notice periods per level and
 * due dates per step in working days, the quorum and majority of each review, and where objections go.
 */
@ConfigurationProperties("bangfu.pairing")
public record PairingSettings(Map<String, Integer> noticeDays, Map<String, Integer> dueDays, int defaultDueDays,
        Map<String, Quorum> reviews, String objectionOffice, String objectionPhone) {

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
    }

    public int noticeDays(String level) {
        return noticeDays.getOrDefault(level, 5);
    }

    public int dueDays(String taskKey) {
        return dueDays.getOrDefault(taskKey, defaultDueDays);
    }

    public Quorum review(String kind) {
        return reviews.get(kind);
    }
}
