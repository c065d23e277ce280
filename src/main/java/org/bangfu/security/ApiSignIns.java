package org.bangfu.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic clients sign in with every call, thousands a day. The audit log keeps a client's first sign-in of
 * the day (in the bureau's time zone) from each source address, and the first one again after any failed
 * sign-in of the account, wherever it came from; every failure is audited anyway. One row per account and
 * address that signed in today.
 */
@Component
class ApiSignIns {

    /** The bureau's day: a client is audited again after midnight in Wuhu, whatever the server's zone. */

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiSignIns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Whether this sign-in is the account's first from the address today (or since a failure), recording that
     * it is. Statements without a transaction: a concurrent first call's row makes the insert fail, and that
     * call's sign-in is the one audited.
     */
    boolean firstToday(String username, String sourceAddress) {
        LocalDate today = LocalDate.now(clock);
        String address = sourceAddress == null ? "" : sourceAddress;
        Optional<LocalDate> audited = jdbc.sql("select audited_on from bf_api_sign_in where username = ? and source_address = ?")
                .params(username, address).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
        if (audited.isPresent()) {
            return !audited.get().equals(today) && jdbc.sql("""
                    update bf_api_sign_in set audited_on = ?
                     where username = ? and source_address = ? and audited_on <> ?""")
                    .params(today, username, address, today).update() == 1;
        }
        try {
            jdbc.sql("insert into bf_api_sign_in (username, source_address, audited_on) values (?, ?, ?)")
                    .params(username, address, today).update();
            return true;
        } catch (DuplicateKeyException concurrentFirstCall) {
            return false;
        }
    }

    /** After a failed sign-in the account's next successful one is audited again, from every address. */
    void forget(String username) {
        jdbc.sql("delete from bf_api_sign_in where username = ?").param(username).update();
    }

    /** Rows of earlier days say nothing any more. Hourly. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetEarlierDays() {
        jdbc.sql("delete from bf_api_sign_in where audited_on < ?")
                .param(LocalDate.now(clock)).update();
    }
}
