package org.bangfu.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the tests move forward, to see what happens when a lock or a deadline runs out. */
public final class MutableClock extends Clock {

    private volatile Instant now = Instant.now();
    private final ZoneId zone = org.bangfu.shared.BureauTime.zone();

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
