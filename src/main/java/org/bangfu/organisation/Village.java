package org.bangfu.organisation;

/** A village or community (村/社区) of a street. */
public record Village(long id, long streetId, String code, String name) {
}
