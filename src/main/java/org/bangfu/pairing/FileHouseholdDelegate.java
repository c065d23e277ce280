package org.bangfu.pairing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 备案登记: the household gets its filing number and its electronic file becomes the official record. */
@Component("fileHouseholdDelegate")
class FileHouseholdDelegate implements JavaDelegate {

    private final Filing filing;

    FileHouseholdDelegate(Filing filing) {
        this.filing = filing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        filing.file((Long) execution.getVariable(PairingVariables.HOUSEHOLD_ID));
    }
}
