package org.bangfu.organisation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.shared.People;
import org.bangfu.shared.Person;
import org.bangfu.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who the logins other modules recorded are: name, role, and the team or street they work in. */
@Service
class PeopleDirectory implements People {

    private final JdbcClient jdbc;

    PeopleDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Known find(Collection<String> logins) {
        Set<String> wanted = logins.stream().filter(Objects::nonNull).filter(l -> !Person.SYSTEM.equals(l))
                .collect(Collectors.toSet());
        Map<String, Person> found = new HashMap<>();
        if (!wanted.isEmpty()) {
            jdbc.sql("""
                    select a.username, a.display_name, a.role, coalesce(t.name, s.name)
                      from bf_user_account a
                      left join bf_team t on t.id = a.team_id
                      left join bf_street s on s.id = a.street_id
                     where a.username in (:logins)""")
                    .param("logins", wanted)
                    .query((rs, n) -> found.put(rs.getString(1),
                            new Person(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4))))
                    .list();
        }
        return new Known(found);
    }
}
