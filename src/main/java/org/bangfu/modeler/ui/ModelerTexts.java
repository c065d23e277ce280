package org.bangfu.modeler.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import elemental.json.Json;
import elemental.json.JsonObject;

/**
 * The texts of the BPMN and DMN editors in the user's language: what bpmn-js, dmn-js, the properties panel and the
 * lint rules say, by their English source text ({@code modeler/texts_zh.json}). English needs none.
 */
public final class ModelerTexts {

    private static final String CHINESE = "/modeler/texts_zh.json";

    private ModelerTexts() {
    }

    /** The dictionary for the locale's language: Chinese for zh (any country), empty otherwise. */
    public static Map<String, String> forLocale(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? Chinese.TEXTS : Map.of();
    }

    static JsonObject toJson(Map<String, String> translations) {
        JsonObject object = Json.createObject();
        translations.forEach(object::put);
        return object;
    }

    // read once, on first use
    private static final class Chinese {
        static final Map<String, String> TEXTS = read(CHINESE);
    }

    static Map<String, String> read(String resource) {
        try (InputStream in = ModelerTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Map<String, String> texts = new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, String>>() {
            });
            return Collections.unmodifiableMap(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
