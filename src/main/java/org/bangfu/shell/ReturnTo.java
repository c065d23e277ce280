package org.bangfu.shell;

import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.router.QueryParameters;

/**
 * Where a page goes back to once its work is done: the page the person came from, carried in the address
 * ({@code tasks/42?from=funds}). Only a page of Bangfu is taken (a path of letters, digits, {@code -} and
 * {@code /}); anything else, such as another site, falls back to the page's own default.
 */
public final class ReturnTo {

    static final String PARAMETER = "from";

    private ReturnTo() {
    }

    /** The query that sends the next page back to {@code origin} (a Bangfu path such as {@code funds}). */
    public static QueryParameters query(String origin) {
        return QueryParameters.simple(Map.of(PARAMETER, origin));
    }

    /** The page to return to named in {@code query}, if it names a page of Bangfu. */
    public static Optional<String> origin(QueryParameters query) {
        return Optional.ofNullable(query.getParameters().get(PARAMETER)).filter(values -> values.size() == 1)
                .map(values -> values.get(0)).filter(path -> path.matches("[A-Za-z0-9][A-Za-z0-9/-]{0,200}"))
                .filter(path -> !path.contains("//"));
    }
}
