package org.bangfu.comparison;

import org.bangfu.shared.NotFound;

/** No such report, warning or household, or none the caller may see: the two answer alike. */
public class ComparisonNotFound extends NotFound {

    ComparisonNotFound(String what) {
        super(what, "comparison.notFound");
    }
}
