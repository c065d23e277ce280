package org.bangfu.organisation;

/**
 * A village or community (村/社区) of a street. A deactivated village stays readable (history names it) but is
 * offered for no new household; {@code version} counts its saved changes.
 */
public record Village(long id, long streetId, String code, String name, boolean active, int version) {

    /** An active village as first saved. */
    public Village(long id, long streetId, String code, String name) {
        this(id, streetId, code, name, true, 0);
    }
}
