package org.bangfu.shared;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the logins that modules record (actor, assignee, decided by …) into the people shown. Implemented by the
 * organisation module; every module reaches it here, so none depends on organisation for a name. Load a page's
 * people at once: one query, never one per row.
 */
public interface People {

    /** The people behind these logins, in one query; nulls and {@value Person#SYSTEM} are allowed. */
    Known find(Collection<String> logins);

    /** One person (one query): for a single line, such as a document's footer. */
    default Person find(String login) {
        return find(Collections.singleton(login)).get(login);
    }

    /** People found by login; a login no account has stands for itself. */
    final class Known {

        private final Map<String, Person> byLogin;

        public Known(Map<String, Person> byLogin) {
            this.byLogin = new HashMap<>(byLogin);
        }

        public Person get(String login) {
            if (login == null || Person.SYSTEM.equals(login)) {
                return new Person(login, login, null, null);
            }
            return byLogin.getOrDefault(login, Person.unknown(login));
        }

        /** The person behind this login as read in these texts' language. */
        public String shown(String login, Texts texts) {
            return get(login).shown(texts);
        }
    }
}
