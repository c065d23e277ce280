package org.bangfu.dashboard;

import org.bangfu.shared.NotFound;

/** An address names no section of the dashboard. */
class UnknownSection extends NotFound {

    private static final long serialVersionUID = 1L;

    UnknownSection(String slug) {
        super("dashboard section " + slug, "report.section.unknown");
    }
}
