package org.bangfu.pairing;

import org.bangfu.comparison.ComparisonReport;
import org.bangfu.comparison.Comparisons;
import org.bangfu.shared.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 一比对: compares the household's members with the other agencies' data. Asynchronous and safe to retry (a
 * repeat finds the same report); with no agency data at all it fails, and after its retries the case waits
 * in an incident until the data is imported, rather than pass the household unchecked.
 */
@Component("compareHouseholdDelegate")
class CompareHouseholdDelegate implements JavaDelegate {

    private final Comparisons comparisons;

    CompareHouseholdDelegate(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long householdId = (Long) execution.getVariable(PairingVariables.HOUSEHOLD_ID);
        ComparisonReport[] report = new ComparisonReport[1];
        CurrentUser.runAsUserOrSystem(() -> report[0] = comparisons.compare(householdId));
        execution.setVariable(PairingVariables.COMPARISON_REPORT_ID, report[0].id());
        execution.setVariable(PairingVariables.WARNINGS_RAISED, !report[0].warnings().isEmpty());
    }
}
