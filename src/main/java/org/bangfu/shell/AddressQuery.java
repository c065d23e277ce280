package org.bangfu.shell;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.vaadin.flow.router.QueryParameters;

/**
 * Values a list or page reads from its address's query (a list opened from a figure elsewhere arrives filtered);
 * anything missing or not a value of its kind is left out, never an error.
 */
public final class AddressQuery {

    private AddressQuery() {
    }

    /** A whole number (an id, a year). */
    public static Optional<Long> number(QueryParameters query, String name) {
        return query.getSingleParameter(name).filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf);
    }

    /** An ISO date (2026-12-07). */
    public static Optional<LocalDate> date(QueryParameters query, String name) {
        try {
            return query.getSingleParameter(name).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
