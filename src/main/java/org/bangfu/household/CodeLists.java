package org.bangfu.household;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The code lists of the file (causes, measures, health, labour ability, education, schooling, relation,
 * housing structure, dilapidation): reference data that an administrator extends. Read often, kept in memory.
 */
@Service
public class CodeLists {

    public static final String CAUSE = "CAUSE";
    public static final String MEASURE = "MEASURE";
    public static final String HEALTH = "HEALTH";
    public static final String LABOUR = "LABOUR";
    public static final String EDUCATION = "EDUCATION";
    public static final String SCHOOLING = "SCHOOLING";
    public static final String RELATION = "RELATION";
    public static final String STRUCTURE = "STRUCTURE";
    public static final String DILAPIDATION = "DILAPIDATION";
    /** Reasons given when a comparison warning is resolved. */
    public static final String RESOLUTION = "RESOLUTION";

    private final JdbcClient jdbc;
    private final Map<String, List<CodeItem>> cache = new ConcurrentHashMap<>();

    CodeLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active codes of a list, in their order. */
    public List<CodeItem> items(String list) {
        return cache.computeIfAbsent(list, name -> jdbc.sql("""
                select code, label_zh, label_en from bf_code_item
                 where list_name = ? and active = true order by sort_order, code""")
                .param(name).query((rs, n) -> new CodeItem(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    public boolean contains(String list, String code) {
        return items(list).stream().anyMatch(i -> i.code().equals(code));
    }

    /** The label of a code in the language of the locale; the code itself if unknown. */
    public String label(String list, String code, Locale locale) {
        if (code == null) {
            return "";
        }
        return items(list).stream().filter(i -> i.code().equals(code)).findFirst().map(i -> i.label(locale))
                .orElse(code);
    }

    /** The names of the lists. */
    public static List<String> names() {
        return List.of(CAUSE, MEASURE, HEALTH, LABOUR, EDUCATION, SCHOOLING, RELATION, STRUCTURE, DILAPIDATION,
                RESOLUTION);
    }

    /** Adds a code to a list (administrators); codes are upper-case letters, digits and underscores. */
    @Transactional
    public void add(String list, String code, String labelZh, String labelEn) {
        CurrentUser.requireRole(Role.ADMIN);
        List<InvalidInput.FieldError> errors = new java.util.ArrayList<>();
        if (!names().contains(list)) {
            errors.add(new InvalidInput.FieldError("list", "codes.list.unknown"));
        }
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,31}")) {
            errors.add(new InvalidInput.FieldError("code", "codes.code.invalid"));
        } else if (jdbc.sql("select count(*) from bf_code_item where list_name = ? and code = ?").params(list, code)
                .query(Integer.class).single() > 0) {
            errors.add(new InvalidInput.FieldError("code", "codes.code.exists"));
        }
        if (labelZh == null || labelZh.isBlank() || labelZh.length() > 100) {
            errors.add(new InvalidInput.FieldError("labelZh", "codes.label.required"));
        }
        if (labelEn == null || labelEn.isBlank() || labelEn.length() > 100) {
            errors.add(new InvalidInput.FieldError("labelEn", "codes.label.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        jdbc.sql("""
                insert into bf_code_item (list_name, code, label_zh, label_en, sort_order)
                values (?, ?, ?, ?, (select coalesce(max(sort_order), 0) + 1 from bf_code_item where list_name = ?))""")
                .params(list, code, labelZh.trim(), labelEn.trim(), list).update();
        cache.remove(list);
    }

    /** One code and its labels. */
    public record CodeItem(String code, String labelZh, String labelEn) {

        public String label(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelZh;
        }
    }
}
