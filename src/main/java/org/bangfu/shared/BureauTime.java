package org.bangfu.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * The bureau's time zone ({@code bangfu.zone}, Asia/Shanghai unless configured) and the one way Bangfu writes
 * dates and times: 2026-12-07 and 2026-12-07 10:28, whatever zone the server runs in. Set once at start by
 * the application's clock; screens, printed documents, exports and notifications all read it from here.
 */
public final class BureauTime {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static volatile ZoneId zone = DEFAULT_ZONE;

    private BureauTime() {
    }

    static void use(ZoneId bureauZone) {
        zone = bureauZone;
    }

    public static ZoneId zone() {
        return zone;
    }

    /**
     * The bureau's today, for components made outside Spring; beans take the application's {@code Clock}
     * (in the same zone) instead, so that tests can move it.
     */
    public static LocalDate today() {
        return LocalDate.now(zone);
    }

    /** The bureau's calendar day at that instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** 2026-12-07; empty for none. */
    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** 2026-12-07, the bureau's day at that instant; empty for none. */
    public static String date(Instant instant) {
        return instant == null ? "" : date(dateOf(instant));
    }

    /** 2026-12-07, the bureau's day at that moment; empty for none. */
    public static String date(OffsetDateTime time) {
        return time == null ? "" : date(time.toInstant());
    }

    /** 2026-12-07 10:28 in the bureau's zone; empty for none. */
    public static String time(Instant instant) {
        return format(TIME, instant);
    }

    /** 2026-12-07 10:28 in the bureau's zone; empty for none. */
    public static String time(OffsetDateTime time) {
        return time == null ? "" : time(time.toInstant());
    }

    /** 2026-12-07 10:28:05 in the bureau's zone, where the second matters (the audit log); empty for none. */
    public static String timeWithSeconds(Instant instant) {
        return format(SECONDS, instant);
    }

    private static String format(DateTimeFormatter formatter, Instant instant) {
        TemporalAccessor local = instant == null ? null : instant.atZone(zone);
        return local == null ? "" : formatter.format(local);
    }
}
