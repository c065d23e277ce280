package org.bangfu.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The message bundles as files: one per module, {@code src/main/resources/org/bangfu/<module>/messages.properties}
 * in Simplified Chinese and {@code messages_en.properties} in English.
 */
public final class MessageBundles {

    public static final Path FOLDER = Path.of("src/main/resources/org/bangfu");

    /** The Chinese bundle's suffix: none, it is the default. */
    public static final String CHINESE = "";

    public static final String ENGLISH = "_en";

    private MessageBundles() {
    }

    /** The modules that have a bundle, in name order. */
    public static List<String> modules() {
        try (Stream<Path> folders = Files.list(FOLDER)) {
            return folders.filter(folder -> Files.exists(folder.resolve("messages.properties")))
                    .map(folder -> folder.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The basenames to give a ResourceBundleMessageSource: {@code org.bangfu.<module>.messages}. */
    public static String[] basenames() {
        return modules().stream().map(module -> "org.bangfu." + module + ".messages").toArray(String[]::new);
    }

    public static Path file(String module, String language) {
        return FOLDER.resolve(module).resolve("messages" + language + ".properties");
    }

    /** One module's texts in one language. */
    public static Properties texts(String module, String language) {
        return load(file(module, language), new Properties());
    }

    /** Every module's texts in one language. */
    public static Properties texts(String language) {
        Properties all = new Properties();
        modules().forEach(module -> load(file(module, language), all));
        return all;
    }

    /** A bundle's keys as it defines them, a key defined twice twice. */
    public static List<String> definitions(String module, String language) {
        List<String> keys = new ArrayList<>();
        load(file(module, language), new Properties() {

            @Override
            public synchronized Object put(Object key, Object value) {
                keys.add((String) key);
                return super.put(key, value);
            }
        });
        return keys;
    }

    private static Properties load(Path file, Properties into) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            into.load(in);
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
