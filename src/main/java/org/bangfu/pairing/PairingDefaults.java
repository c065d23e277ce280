package org.bangfu.pairing;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The procedure's settings as configured ({@code bangfu.pairing.*}, from the environment): the defaults of the
 * settings an administrator may change (see {@link PairingSettings}).
 */
@ConfigurationProperties("bangfu.pairing")
record PairingDefaults(Map<String, Integer> noticeDays, Map<String, Integer> dueDays, int defaultDueDays,
        Map<String, Review> reviews, String objectionOffice, String objectionPhone) {

    /** A review's quorum and majority as configured. */
    record Review(int presentNumerator, int presentDenominator, int majorityNumerator, int majorityDenominator) {
    }
}
