package org.bangfu.household;

import com.vaadin.flow.component.Component;

/**
 * A tab a feature built on the file adds to a household's page, after the file's own (the funds module's
 * 帮扶资金), so that the file needs no dependency on it. Return null from {@link #create} to show no tab.
 */
public interface HouseholdPageTab {

    /** The tab's label, as a message key. */
    String labelKey();

    /** The tab's name in the page's address, as {@link #address} takes it. */
    String name();

    /**
     * The address of a household's page opened on one tab: the file's own ({@code basics}, {@code members},
     * {@code living}, {@code causes}, {@code cadres}, {@code attachments}, {@code history}) or a feature's
     * {@link #name}; the page keeps the tab shown in its address, so that a link or a reload lands on it.
     */
    static String address(long householdId, String tab) {
        return "households/" + householdId + "?tab=" + tab;
    }

    Component create(HouseholdFile file);
}
