package org.bangfu.comparison;

import java.util.List;
import java.util.Locale;

/**
 * One field of an agency data set: its key (labels come from {@code agency.field.KEY}), the column of
 * {@code bf_agency_record} it is kept in, its type, whether a row needs it, and the headers it is known by.
 */
public record AgencyField(String key, Column column, Type type, boolean required, List<String> headers) {

    static final AgencyField ID_NUMBER = new AgencyField("idNumber", Column.ID_NUMBER, Type.ID_NUMBER, true,
            List.of("身份证号", "身份证号码", "证件号码", "公民身份号码", "车主身份证号", "权利人证件号", "证件号", "id number", "id"));
    static final AgencyField NAME = new AgencyField("name", Column.PERSON_NAME, Type.TEXT, false,
            List.of("姓名", "车主姓名", "权利人", "所有人", "人员姓名", "name"));

    public enum Column {
        ID_NUMBER, PERSON_NAME, TEXT_A, TEXT_B, FLAG, AMOUNT, EVENT_DATE
    }

    public enum Type {
        ID_NUMBER, TEXT, BOOLEAN, DECIMAL, DATE
    }

    /** Whether a file's header names this field. */
    boolean recognises(String header) {
        String normalised = normalise(header);
        return headers.stream().anyMatch(h -> normalise(h).equals(normalised));
    }

    static String normalise(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").replaceAll("[\\s:：*]", "").toLowerCase(Locale.ROOT);
    }
}
