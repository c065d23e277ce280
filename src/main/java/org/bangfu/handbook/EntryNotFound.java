package org.bangfu.handbook;

import org.bangfu.shared.NotFound;

/** A visit or measure that is not one of the named household's: as unknown as one that never existed. */
class EntryNotFound extends NotFound {

    EntryNotFound(String what) {
        super(what, "handbook.entry.notFound");
    }
}
