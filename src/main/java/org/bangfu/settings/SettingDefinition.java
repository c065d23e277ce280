package org.bangfu.settings;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.Money;

/**
 * One setting a module owns: its key, type, the default its module takes from the configuration (environment),
 * its bounds ({@code min}/{@code max}: a number's range, an amount's range in yuan, a text's maximum length), the
 * message keys of its label and help, its group, and whether it is printed on paper. A setting printed on paper
 * names the environment variable that sets it and the placeholder Bangfu ships with, which production refuses.
 */
public record SettingDefinition(String key, SettingType type, String defaultValue, long min, long max,
        SettingGroup group, String labelKey, String helpKey, Paper paper) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern PHONE = Pattern.compile("[0-9]([0-9-]{3,18})[0-9]");
    private static final Pattern FRACTION = Pattern.compile("\\s*(\\d{1,3})\\s*/\\s*(\\d{1,3})\\s*");

    /** A setting printed on paper: the environment variable that sets it, and the placeholder shipped. */
    public record Paper(String environmentVariable, String shippedPlaceholder) {
    }

    public SettingDefinition {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("setting key " + key);
        }
        Objects.requireNonNull(type);
        Objects.requireNonNull(group);
        Objects.requireNonNull(labelKey);
    }

    public static SettingDefinition integer(String key, SettingGroup group, int defaultValue, int min, int max) {
        return new SettingDefinition(key, SettingType.INTEGER, String.valueOf(defaultValue), min, max, group,
                "setting." + key, null, null);
    }

    /** An amount; bounds in whole yuan. */
    public static SettingDefinition money(String key, SettingGroup group, Money defaultValue, long minYuan,
            long maxYuan) {
        return new SettingDefinition(key, SettingType.MONEY, yuan(defaultValue), minYuan, maxYuan, group,
                "setting." + key, null, null);
    }

    public static SettingDefinition text(String key, SettingGroup group, String defaultValue, int maxLength) {
        return new SettingDefinition(key, SettingType.TEXT, defaultValue.trim(), 1, maxLength, group,
                "setting." + key, null, null);
    }

    public static SettingDefinition phone(String key, SettingGroup group, String defaultValue) {
        return new SettingDefinition(key, SettingType.PHONE, defaultValue.trim(), 5, 20, group, "setting." + key,
                null, null);
    }

    /** An absolute http(s) address; a trailing slash is dropped. */
    public static SettingDefinition url(String key, SettingGroup group, String defaultValue) {
        return new SettingDefinition(key, SettingType.URL, withoutTrailingSlash(defaultValue.trim()), 0, 300, group,
                "setting." + key, null, null);
    }

    public static SettingDefinition fraction(String key, SettingGroup group, String defaultValue) {
        return new SettingDefinition(key, SettingType.FRACTION, defaultValue.replace(" ", ""), 1, 100, group,
                "setting." + key, null, null);
    }

    /** The same setting with another label (for settings that share a message with an argument-free text). */
    public SettingDefinition labelled(String label) {
        return new SettingDefinition(key, type, defaultValue, min, max, group, label, helpKey, paper);
    }

    public SettingDefinition help(String help) {
        return new SettingDefinition(key, type, defaultValue, min, max, group, labelKey, help, paper);
    }

    public SettingDefinition printedOnPaper(String environmentVariable, String shippedPlaceholder) {
        return new SettingDefinition(key, type, defaultValue, min, max, group, labelKey, helpKey,
                new Paper(environmentVariable, shippedPlaceholder));
    }

    public boolean printed() {
        return paper != null;
    }

    /** Why {@code value} cannot be this setting's value (field {@code value}), or empty when it can. */
    public Optional<FieldError> problem(String value) {
        if (value == null || value.isBlank()) {
            return error("setting.value.required");
        }
        String text = value.trim();
        return switch (type) {
            case INTEGER -> {
                if (!text.matches("-?\\d{1,9}") || Long.parseLong(text) < min || Long.parseLong(text) > max) {
                    yield error("setting.integer.invalid", min, max);
                }
                yield Optional.empty();
            }
            case MONEY -> {
                Optional<String> money = Money.strictProblem(text);
                if (money.isPresent()) {
                    yield error(money.get());
                }
                BigDecimal yuan = Money.parseStrict(text).yuan();
                if (yuan.compareTo(BigDecimal.valueOf(min)) < 0 || yuan.compareTo(BigDecimal.valueOf(max)) > 0) {
                    yield error("setting.money.range", min, max);
                }
                yield Optional.empty();
            }
            case TEXT -> text.length() > max || text.chars().anyMatch(Character::isISOControl)
                    ? error("setting.text.length", max) : Optional.empty();
            case PHONE -> PHONE.matcher(text).matches() ? Optional.empty() : error("setting.phone.invalid");
            case URL -> url(text) ? Optional.empty() : error("setting.url.invalid");
            case FRACTION -> {
                var m = FRACTION.matcher(text);
                if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > max
                        || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
                    yield error("setting.fraction.invalid");
                }
                yield Optional.empty();
            }
        };
    }

    /** The value as stored and compared: trimmed, amounts in plain yuan, addresses without a trailing slash. */
    String canonical(String value) {
        String text = value.trim();
        return switch (type) {
            case INTEGER -> String.valueOf(Integer.parseInt(text));
            case MONEY -> yuan(Money.parseStrict(text));
            case URL -> withoutTrailingSlash(text);
            case FRACTION -> Fraction.parse(text).toString();
            default -> text;
        };
    }

    private Optional<FieldError> error(String messageKey, Object... arguments) {
        return Optional.of(new FieldError("value", messageKey, arguments));
    }

    private static boolean url(String text) {
        if (text.length() > 300 || text.chars().anyMatch(c -> c <= ' ')) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String yuan(Money money) {
        return money.yuan().stripTrailingZeros().toPlainString();
    }
}
