package org.bangfu.shell;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import org.bangfu.shared.People;
import org.bangfu.shared.Person;
import org.bangfu.shared.Texts;

/**
 * The people a screen shows, by name in the reader's language (系统自动 for the engine), never by login. A view
 * hands each page of items it loads to {@link #load}, which looks up the people not yet known in one query; its
 * columns then read {@link #of}.
 */
public final class Names {

    private final People people;
    private final Texts texts;
    private final Map<String, String> shown = new HashMap<>();

    public Names(People people, Texts texts) {
        this.people = people;
        this.texts = texts;
    }

    /** Looks up the people these items name (one query for those not yet known) and answers the items. */
    @SafeVarargs
    public final <T> List<T> load(List<T> items, Function<T, String>... logins) {
        learn(items.stream().flatMap(item -> Stream.of(logins).map(login -> login.apply(item))).toList());
        return items;
    }

    /** Looks up these logins (one query for those not yet known). */
    public void learn(Collection<String> logins) {
        List<String> unknown = logins.stream().filter(Objects::nonNull).filter(l -> !shown.containsKey(l)).distinct()
                .toList();
        if (!unknown.isEmpty()) {
            People.Known known = people.find(unknown);
            unknown.forEach(login -> shown.put(login, known.shown(login, texts)));
        }
    }

    /** The person behind a login as shown; looks one up alone only if the view did not {@link #load} it. */
    public String of(String login) {
        if (login == null || Person.SYSTEM.equals(login)) {
            return texts.get("person.automatic");
        }
        learn(List.of(login));
        return shown.get(login);
    }
}
