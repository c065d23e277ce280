package org.bangfu.funds.ui;

import org.bangfu.shared.Money;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asks before the queued payments become a batch for the bank: how many, and how much in all. */
class BatchConfirmation extends ConfirmDialog {

    BatchConfirmation(int payments, Money total, Runnable create) {
        setId("funds-batch-confirm");
        setHeader(getTranslation("funds.batch.confirm.title"));
        setText(getTranslation("funds.batch.confirm.text", payments, total.format()));
        setCancelable(true);
        setCancelText(getTranslation("action.cancel"));
        setConfirmText(getTranslation("funds.batch.confirm.ok"));
        addConfirmListener(e -> create.run());
    }
}
