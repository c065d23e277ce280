package org.bangfu.pairing.ui;

import java.util.List;
import java.util.function.Consumer;

import org.bangfu.pairing.Colleague;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

/** Choosing the colleague of one's group to hand one or more tasks over to. */
class HandOverDialog extends Dialog {

    final Select<Colleague> colleague = new Select<>();
    final Button confirm = new Button();

    HandOverDialog(int taskCount, List<Colleague> colleagues, Consumer<String> handOver) {
        setHeaderTitle(getTranslation("task.handOver.title", taskCount));
        setId("hand-over-dialog");
        setWidth("min(28rem, 100vw)");
        if (colleagues.isEmpty()) {
            add(new Paragraph(getTranslation("task.handOver.nobody")));
        }
        colleague.setLabel(getTranslation("task.handOver.to"));
        colleague.setItems(colleagues);
        colleague.setItemLabelGenerator(c -> c.displayName() + "（" + c.username() + "）");
        colleague.setId("hand-over-colleague");
        colleague.setWidthFull();
        colleague.setVisible(!colleagues.isEmpty());
        add(colleague);
        confirm.setText(getTranslation("task.handOver"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("hand-over-confirm");
        confirm.setMinHeight("44px");
        confirm.setEnabled(false);
        colleague.addValueChangeListener(e -> confirm.setEnabled(e.getValue() != null));
        confirm.addClickListener(e -> {
            close();
            handOver.accept(colleague.getValue().username());
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setMinHeight("44px");
        getFooter().add(cancel, confirm);
    }
}
