package org.bangfu.household;

/** Orders of the household list; each ends with the id so that paging is stable. */
public enum HouseholdSort {
    NAME("h.head_name, h.id"),
    NAME_DESC("h.head_name desc, h.id desc"),
    STREET("h.street_id, h.village_id, h.head_name, h.id"),
    STAGE("h.stage, h.head_name, h.id"),
    UPDATED("h.updated_at desc, h.id desc");

    private final String orderBy;

    HouseholdSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }
}
