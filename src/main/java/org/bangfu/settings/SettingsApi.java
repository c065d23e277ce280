package org.bangfu.settings;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.bangfu.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * System settings over REST: everyone who may read them lists them and their history; an administrator changes one
 * with the version read and a reason (409 when someone changed it since, 400 with the fields at fault).
 */
@RestController
@RequestMapping("/api/settings")
class SettingsApi {

    private final Settings settings;
    private final MessageSource messages;

    SettingsApi(Settings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    /** A setting as the API shows it; {@code changedBy} is the person's display name. */
    record SettingView(String key, String group, String type, String value, @JsonProperty("default") String defaultValue,
            int version, String changedBy, Instant changedAt, long min, long max, boolean printedOnPaper, String label) {
    }

    /** A change: the new value, the version it replaces (0 for a setting never changed) and why. */
    record Change(String value, String reason, Integer version) {
    }

    @GetMapping
    List<SettingView> list(Locale locale) {
        return settings.list().stream().map(s -> view(s, locale)).toList();
    }

    @GetMapping("/{key}")
    SettingView one(@PathVariable String key, Locale locale) {
        return view(settings.find(key), locale);
    }

    @PutMapping("/{key}")
    SettingView change(@PathVariable String key, @RequestBody Change change, Locale locale) {
        if (change.version() == null) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("version", "form.required")));
        }
        return view(settings.change(key, change.value(), change.reason(), change.version()), locale);
    }

    @GetMapping("/{key}/history")
    List<SettingChange> history(@PathVariable String key) {
        return settings.history(key);
    }

    private SettingView view(Setting s, Locale locale) {
        SettingDefinition d = s.definition();
        return new SettingView(d.key(), d.group().name(), d.type().name(), s.value(), d.defaultValue(), s.version(),
                s.changedBy(), s.changedAt(), d.min(), d.max(), d.printed(),
                messages.getMessage(d.labelKey(), null, d.key(), locale));
    }
}
