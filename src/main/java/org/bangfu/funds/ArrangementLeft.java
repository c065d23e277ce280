package org.bangfu.funds;

import org.bangfu.shared.Money;

/** An arrangement as it stands, and what is left of it to request. */
public record ArrangementLeft(Arrangement arrangement, Money remaining) {
}
