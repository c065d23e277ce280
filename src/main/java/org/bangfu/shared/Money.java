package org.bangfu.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of yuan with fen precision (人民币, 元 with two decimals), held as a whole number of fen: never a
 * floating-point number, never negative. Parsed from what people type ("1,200.50", "1200", "¥300") and shown as
 * "1,200.50".
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /** The most any amount may be: a trillion yuan (12 digits), far above any budget, far below overflow. */
    private static final long MAX_FEN = 100_000_000_000_000L;
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

    public Money {
        if (fen < 0 || fen > MAX_FEN) {
            throw new IllegalArgumentException("amount out of range: " + fen + " fen");
        }
    }

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    public static Money ofYuan(long yuan) {
        return new Money(Math.multiplyExact(yuan, 100));
    }

    /** An exact amount of yuan with at most two decimals. */
    public static Money of(BigDecimal yuan) {
        if (yuan.signum() < 0 || yuan.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("not an amount of yuan and fen: " + yuan);
        }
        return new Money(yuan.movePointRight(2).longValueExact());
    }

    /**
     * The reason a typed amount is not one, as a message key ({@code money.required}, {@code money.invalid},
     * {@code money.fen}), or empty when it is. Grouping commas, spaces and a leading ¥ or a trailing 元 are allowed.
     */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("money.required");
        }
        String plain = plain(text);
        if (plain.matches("\\d{1,12}\\.\\d{3,}")) {
            return Optional.of("money.fen");
        }
        return AMOUNT.matcher(plain).matches() ? Optional.empty() : Optional.of("money.invalid");
    }

    /** The amount typed; check {@link #problem} first. */
    public static Money parse(String text) {
        Optional<String> problem = problem(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get() + ": " + text);
        }
        return of(new BigDecimal(plain(text)));
    }

    private static String plain(String text) {
        String plain = text.trim().replace(",", "").replace("，", "").replace(" ", "");
        if (plain.startsWith("¥") || plain.startsWith("￥")) {
            plain = plain.substring(1);
        }
        if (plain.endsWith("元")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        return plain;
    }

    public BigDecimal yuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    /** The difference; never below zero (an amount cannot be negative): check {@link #isLessThan} first. */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public boolean isLessThan(Money other) {
        return fen < other.fen;
    }

    public boolean isZero() {
        return fen == 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** "1,200.50": grouped yuan with two decimals, as amounts are written on Chinese forms. */
    public String format() {
        return String.format(Locale.ROOT, "%,.2f", yuan().setScale(2, RoundingMode.UNNECESSARY));
    }

    /** Yuan with two decimals, "1200.50": how amounts travel in JSON (a string, so no client rounds them). */
    @JsonValue
    @Override
    public String toString() {
        return yuan().toPlainString();
    }
}
