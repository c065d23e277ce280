package org.bangfu.organisation;

import org.bangfu.shared.NotFound;

/** No street, village or team of that id. */
public class OrganisationNotFound extends NotFound {

    OrganisationNotFound(String what) {
        super(what, "organisation.notFound");
    }
}
