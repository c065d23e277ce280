package org.bangfu.shell;

import java.util.Optional;

import org.bangfu.shared.SignedInUser;

import com.vaadin.flow.component.Component;

/**
 * What a module shows on a person's landing page (工作台) instead of the menu's tiles: a Spring bean answering, for
 * the signed-in person, the component to show (made anew for each page), or nothing for a person it has nothing for.
 * Sections are shown in their {@link org.springframework.core.annotation.Order}.
 */
public interface LandingSection {

    Optional<Component> section(SignedInUser user);
}
