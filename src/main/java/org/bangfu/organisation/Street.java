package org.bangfu.organisation;

/** A street or township (街道/乡镇) of the district. */
public record Street(long id, String code, String name) {
}
