package org.bangfu.pairing.ui;

import java.io.ByteArrayInputStream;

import org.bangfu.pairing.Notice;
import org.bangfu.pairing.Notices;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResource;

/** A link that opens a notice's PDF to print (again), wherever the notice is shown: the task, the household. */
final class NoticePrint {

    private NoticePrint() {
    }

    static Anchor of(Notices notices, Notice notice, String label) {
        Anchor pdf = new Anchor(new StreamResource("notice-" + notice.id() + ".pdf",
                () -> new ByteArrayInputStream(notices.pdf(notice.id()))), label);
        pdf.setTarget("_blank");
        return pdf;
    }
}
