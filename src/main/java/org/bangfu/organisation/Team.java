package org.bangfu.organisation;

/** An assistance team (帮扶小组); its home street helps propose it for households nearby. */
public record Team(long id, String code, String name, Long streetId) {
}
