package org.bangfu.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * An amount of yuan with fen precision (人民币, 元 with two decimals), held as a whole number of fen: never a
 * floating-point number, never negative. Parsed from what people type in a form ("1,200.50", "1200", "¥300") and
 * shown as "1,200.50"; over the API only the plain form travels, as a JSON string ("1200.50"), read by
 * {@link #parseStrict}.
 */
@JsonDeserialize(using = Money.Json.class)
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

    /**
     * The reason an amount sent to the API is not one, as a message key ({@code money.required}, {@code money.fen},
     * {@code money.strict}), or empty when it is: plain digits with at most two decimals, {@code "1200.50"} or
     * {@code "1200"}; no grouping, no spaces, no currency sign. Machines send amounts, so nothing is guessed.
     */
    public static Optional<String> strictProblem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("money.required");
        }
        if (text.matches("\\d{1,12}\\.\\d{3,}")) {
            return Optional.of("money.fen");
        }
        return AMOUNT.matcher(text).matches() ? Optional.empty() : Optional.of("money.strict");
    }

    /** An amount sent to the API; check {@link #strictProblem} first. */
    public static Money parseStrict(String text) {
        Optional<String> problem = strictProblem(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get() + ": " + text);
        }
        return of(new BigDecimal(text));
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

    /**
     * Reads an amount from JSON only as a string in the strict form: a JSON number ({@code 1.5}) would pass through
     * floating point in most clients, and a typed form ({@code "1,000.00"}) is for people, not for the API. A refused
     * value is reported with the field it was sent in; an empty string is no amount.
     */
    static final class Json extends StdScalarDeserializer<Money> {

        Json() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context) throws java.io.IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                if (parser.currentToken().isScalarValue()) {
                    throw InvalidFormatException.from(parser, "an amount is a JSON string such as \"1200.50\"",
                            parser.getText(), Money.class);
                }
                return (Money) context.handleUnexpectedToken(Money.class, parser);
            }
            String text = parser.getText();
            if (text.isEmpty()) {
                return null;
            }
            if (strictProblem(text).isPresent()) {
                throw InvalidFormatException.from(parser, "not an amount of yuan and fen", text, Money.class);
            }
            return parseStrict(text);
        }
    }
}
