package org.bangfu.organisation;

/**
 * A street or township (街道/乡镇) of the district. A deactivated street stays readable (history names it) but is
 * offered for nothing new; {@code version} counts its saved changes.
 */
public record Street(long id, String code, String name, boolean active, int version) {

    /** An active street as first saved. */
    public Street(long id, String code, String name) {
        this(id, code, name, true, 0);
    }
}
