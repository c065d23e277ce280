package org.bangfu.household;

import com.vaadin.flow.component.Component;

/**
 * A tab a feature built on the file adds to a household's page, after the file's own (the funds module's
 * 帮扶资金), so that the file needs no dependency on it. Return null from {@link #create} to show no tab.
 */
public interface HouseholdPageTab {

    /** The tab's label, as a message key. */
    String labelKey();

    Component create(HouseholdFile file);
}
