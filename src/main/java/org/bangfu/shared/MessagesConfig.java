package org.bangfu.shared;

import java.io.IOException;
import java.math.BigInteger;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundles ({@code spring.messages}) for the screens, the REST API's messages and the printed
 * documents, as Spring Boot would set them up, with two differences.
 * <p>
 * Each module keeps its texts next to its code ({@code org/bangfu/household/messages.properties} in Simplified
 * Chinese, {@code messages_en.properties} in English), and a {@code *} in a basename stands for every folder that
 * holds such a bundle: {@code org.bangfu.*.messages} finds a new module's texts without a list to keep.
 * <p>
 * A whole number in a plain placeholder ({@code {0}}) is written as it is. MessageFormat would group it by the
 * locale, and the whole numbers put into messages are mostly years, ids, file numbers and rounds, where "2,027 年"
 * or "fund request 1,024" is wrong. A message that wants grouping or a pattern says so: {@code {0,number}},
 * {@code {0,number,#}}.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfig {

    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    @Bean
    MessageSource messageSource(MessageSourceProperties properties) throws IOException {
        PlainNumbersMessageSource messages = new PlainNumbersMessageSource();
        messages.setBasenames(basenames(properties.getBasename()).toArray(String[]::new));
        if (properties.getEncoding() != null) {
            messages.setDefaultEncoding(properties.getEncoding().name());
        }
        messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        if (properties.getCacheDuration() != null) {
            messages.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        return messages;
    }

    /**
     * The basenames as configured, one with a {@code *} replaced by each bundle it matches on the class path, in
     * name order. A key is looked up in these bundles in turn, so every key lives in one of them only.
     */
    static List<String> basenames(List<String> configured) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                MessagesConfig.class.getClassLoader());
        List<String> basenames = new ArrayList<>();
        for (String basename : configured) {
            int star = basename.indexOf('*');
            if (star < 0) {
                basenames.add(basename);
                continue;
            }
            String path = basename.replace('.', '/') + ".properties";
            Pattern folder = Pattern.compile(Pattern.quote(path.substring(0, star)) + "([^/]+)"
                    + Pattern.quote(path.substring(star + 1)) + "$");
            SortedSet<String> found = new TreeSet<>();
            for (Resource bundle : resolver.getResources("classpath*:" + path)) {
                Matcher name = folder.matcher(bundle.getURL().toString());
                if (name.find()) {
                    found.add(basename.substring(0, star) + name.group(1) + basename.substring(star + 1));
                }
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("No message bundle matches " + basename);
            }
            basenames.addAll(found);
        }
        return basenames;
    }

    /**
     * Bundles that each hold their own keys: a key is read from the bundle whose default language has it instead
     * of being looked for in each bundle in turn, so that fifteen bundles cost a lookup no more than one did. What
     * is found is the same, only sooner; a key this index does not know (or no longer finds, after a reload) is
     * looked for in turn, as before.
     */
    static class ModuleBundlesMessageSource extends ResourceBundleMessageSource {

        private volatile Map<String, String> bundleOfKey;

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            ResourceBundle bundle = bundleOf(code, locale);
            String text = bundle == null ? null : getStringOrNull(bundle, code);
            return text != null ? text : super.resolveCodeWithoutArguments(code, locale);
        }

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            ResourceBundle bundle = bundleOf(code, locale);
            MessageFormat format = bundle == null ? null : getMessageFormat(bundle, code, locale);
            return format != null ? format : super.resolveCode(code, locale);
        }

        private ResourceBundle bundleOf(String code, Locale locale) {
            Map<String, String> bundles = bundleOfKey;
            if (bundles == null) {
                bundles = new HashMap<>();
                for (String basename : getBasenameSet()) {
                    ResourceBundle bundle = getResourceBundle(basename, Locale.ROOT);
                    if (bundle != null) {
                        for (String key : bundle.keySet()) {
                            bundles.putIfAbsent(key, basename);
                        }
                    }
                }
                bundleOfKey = bundles;
            }
            String basename = bundles.get(code);
            return basename == null ? null : getResourceBundle(basename, locale);
        }
    }

    /** Message formats whose plain placeholders write whole numbers ungrouped. */
    static class PlainNumbersMessageSource extends ModuleBundlesMessageSource {

        @Override
        protected MessageFormat createMessageFormat(String msg, Locale locale) {
            MessageFormat format = super.createMessageFormat(msg, locale);
            Format[] formats = format.getFormats();
            for (int i = 0; i < formats.length; i++) {
                if (formats[i] == null) {
                    format.setFormat(i, new PlainPlaceholder(locale));
                }
            }
            return format;
        }
    }

    /** What MessageFormat does for {@code {0}}, except that a whole number is not grouped. */
    private static final class PlainPlaceholder extends Format {

        private final Locale locale;

        PlainPlaceholder(Locale locale) {
            this.locale = locale;
        }

        @Override
        public StringBuffer format(Object value, StringBuffer to, FieldPosition position) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                    || value instanceof BigInteger) {
                return to.append(value);
            }
            if (value instanceof Number number) {
                return NumberFormat.getInstance(locale).format(number, to, position);
            }
            return to.append(value instanceof String text ? text : String.valueOf(value));
        }

        /** Reads back a whole number as this placeholder writes it; other text is not a number it wrote. */
        @Override
        public Object parseObject(String source, ParsePosition position) {
            int start = position.getIndex();
            int end = start < source.length() && source.charAt(start) == '-' ? start + 1 : start;
            while (end < source.length() && Character.isDigit(source.charAt(end))) {
                end++;
            }
            if (end == start || !Character.isDigit(source.charAt(end - 1))) {
                position.setErrorIndex(start);
                return null;
            }
            position.setIndex(end);
            return Long.valueOf(source.substring(start, end));
        }
    }
}
