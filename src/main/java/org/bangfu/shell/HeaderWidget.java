package org.bangfu.shell;

import com.vaadin.flow.component.Component;

/**
 * Something a feature shows in the top bar beside the user menu (the pairing module's notification bell), so
 * that the shell needs no dependency on the features that build on it. Return null to show nothing.
 */
public interface HeaderWidget {

    Component create();
}
