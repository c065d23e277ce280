package org.bangfu.household.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdChange;
import org.bangfu.shared.Texts;
import org.bangfu.shell.Names;

/**
 * The file's history (变更记录) as people read it: who by name, what and which field in words, and values that are
 * codes (stages, the household's attribute, code lists, yes/no) by their labels.
 */
final class HistoryLines {

    /** One line of the history, every part a text to show. */
    record Line(HouseholdChange change, String who, String what, String field, String before, String after) {
    }

    private static final Map<String, String> CODE_LISTS = Map.of(
            "housingStructure", CodeLists.STRUCTURE,
            "dilapidation", CodeLists.DILAPIDATION,
            "mainCause", CodeLists.CAUSE,
            "secondaryCauses", CodeLists.CAUSE,
            "member.relation", CodeLists.RELATION,
            "member.education", CodeLists.EDUCATION,
            "member.schooling", CodeLists.SCHOOLING,
            "member.labourAbility", CodeLists.LABOUR);

    private final CodeLists codes;
    private final Locale locale;
    private final Texts texts;
    private final Names names;

    HistoryLines(CodeLists codes, Locale locale, Texts texts, Names names) {
        this.codes = codes;
        this.locale = locale;
        this.texts = texts;
        this.names = names;
    }

    List<Line> of(List<HouseholdChange> changes) {
        names.load(changes, HouseholdChange::actor);
        return changes.stream().map(c -> new Line(c, names.of(c.actor()), texts.get("change." + c.kind().name()),
                field(c), value(c.field(), c.oldValue()), value(c.field(), c.newValue()))).toList();
    }

    private String field(HouseholdChange c) {
        if (c.field() == null) {
            return c.subject() == null ? "" : c.subject();
        }
        String field = texts.get("field." + c.field());
        return c.subject() == null ? field : texts.get("household.history.fieldOf", field, c.subject());
    }

    String value(String field, String value) {
        if (value == null || field == null) {
            return value == null ? "" : value;
        }
        String list = CODE_LISTS.get(field);
        if (list != null) {
            return Arrays.stream(value.split(",")).map(code -> codes.label(list, code, locale))
                    .collect(Collectors.joining("、"));
        }
        return switch (field) {
            case "stage" -> texts.get("stage." + value);
            case "attribute" -> texts.get("attribute." + value);
            case "member.medicalInsurance", "member.pensionInsurance" ->
                texts.get(Boolean.parseBoolean(value) ? "household.history.yes" : "household.history.no");
            default -> value;
        };
    }
}
