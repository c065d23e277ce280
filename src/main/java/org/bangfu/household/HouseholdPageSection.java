package org.bangfu.household;

import com.vaadin.flow.component.Component;

/**
 * Something a feature built on the file shows on a household's page, under its title (the pairing module's
 * case and its current step), so that the file needs no dependency on it. Return null to show nothing.
 */
public interface HouseholdPageSection {

    Component create(HouseholdFile file);
}
