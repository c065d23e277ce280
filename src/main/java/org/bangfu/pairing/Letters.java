package org.bangfu.pairing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bangfu.household.HouseholdScope;
import org.bangfu.household.Households;
import org.bangfu.pairing.PairingCase.Status;
import org.bangfu.shared.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ending a case as not eligible, and the letter that tells the applicant why. */
@Service
public class Letters {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Households households;
    private final Clock clock;
    private final PrintedDocuments documents;

    Letters(JdbcClient jdbc, Cases cases, Households households, Clock clock, PrintedDocuments documents) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.cases = cases;
        this.households = households;
        this.clock = clock;
    }

    /** The letters of a household the caller may see, newest first. */
    @Transactional(readOnly = true)
    public List<Letter> ofHousehold(long householdId) {
        HouseholdScope scope = HouseholdScope.of(CurrentUser.require());
        List<Object> params = new ArrayList<>(scope.parameters());
        params.add(householdId);
        return jdbc.sql("""
                select l.id, l.case_id, l.household_id, l.step_key, l.reason, l.created_at
                  from bf_letter l join bf_household h on h.id = l.household_id
                 where\s""" + scope.condition() + " and l.household_id = ? order by l.id desc")
                .params(params)
                .query((rs, n) -> new Letter(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Letter> find(long letterId) {
        Long householdId = jdbc.sql("select household_id from bf_letter where id = ?").param(letterId)
                .query(Long.class).optional().orElse(null);
        return householdId == null ? Optional.empty()
                : ofHousehold(householdId).stream().filter(l -> l.id() == letterId).findFirst();
    }

    /** The letter to print, as XHTML for the browser; empty for a letter the caller may not see. */
    @Transactional(readOnly = true)
    public Optional<String> document(long letterId) {
        return find(letterId).map(letter -> {
            Addressee to = addressee(letter);
            return documents.letterXhtml(letter, to.headName(), to.streetName());
        });
    }

    /** The letter to print, as PDF. */
    @Transactional(readOnly = true)
    public Optional<byte[]> pdf(long letterId) {
        return document(letterId).map(documents::pdf);
    }

    /** Whom a letter is addressed to. */
    private record Addressee(String headName, String streetName) {
    }

    private Addressee addressee(Letter letter) {
        return jdbc.sql("""
                select h.head_name, s.name from bf_household h join bf_street s on s.id = h.street_id where h.id = ?""")
                .param(letter.householdId()).query((rs, n) -> new Addressee(rs.getString(1), rs.getString(2))).single();
    }

    /** 不予认定: closes the case, moves the household to "not eligible" and writes the letter. */
    void rejectCase(long caseId, String stepKey, String reason) {
        PairingCase pairingCase = cases.find(caseId).orElseThrow();
        String why = reason == null || reason.isBlank() ? "—" : reason;
        jdbc.sql("""
                insert into bf_letter (case_id, household_id, step_key, reason, created_at) values (?, ?, ?, ?, ?)""")
                .params(caseId, pairingCase.householdId(), stepKey == null ? "" : stepKey, why,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        cases.close(caseId, Status.NOT_ELIGIBLE, why);
        CurrentUser.runAsUserOrSystem(() -> households.foundNotEligible(pairingCase.householdId()));
    }
}
