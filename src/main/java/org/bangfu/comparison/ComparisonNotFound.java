package org.bangfu.comparison;

/** No such report, warning or household, or none the caller may see: the two answer alike. */
public class ComparisonNotFound extends RuntimeException {

    ComparisonNotFound(String what) {
        super(what);
    }
}
