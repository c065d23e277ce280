package org.bangfu.handbook.ui;

import java.util.Base64;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * A pad the head of household signs on with a finger (or a mouse): a canvas that draws where the pointer moves and
 * gives the drawing as a PNG. It needs no front-end package: the few lines of script go with the element.
 */
class SignaturePad extends Composite<Div> {

    private static final String SETUP = """
            const c = this;
            if (c.$ready) { return; }
            c.$ready = true;
            const ctx = c.getContext('2d');
            ctx.lineWidth = 4; ctx.lineCap = 'round'; ctx.lineJoin = 'round'; ctx.strokeStyle = '#000';
            let down = false;
            const at = e => { const r = c.getBoundingClientRect();
                return [(e.clientX - r.left) * c.width / r.width, (e.clientY - r.top) * c.height / r.height]; };
            c.addEventListener('pointerdown', e => { down = true;
                try { c.setPointerCapture(e.pointerId); } catch (lost) { /* the finger already left */ }
                const [x, y] = at(e); ctx.beginPath(); ctx.moveTo(x, y); e.preventDefault(); });
            c.addEventListener('pointermove', e => { if (!down) { return; }
                const [x, y] = at(e); ctx.lineTo(x, y); ctx.stroke(); c.$drawn = true; e.preventDefault(); });
            const up = () => { down = false; };
            c.addEventListener('pointerup', up);
            c.addEventListener('pointercancel', up);
            c.$clear = () => { ctx.clearRect(0, 0, c.width, c.height); c.$drawn = false; };
            """;

    private final Element canvas = new Element("canvas");

    SignaturePad(String hint) {
        canvas.setAttribute("width", "900");
        canvas.setAttribute("height", "300");
        canvas.setAttribute("id", "signature-pad");
        canvas.getStyle().set("width", "100%").set("max-width", "36rem").set("aspect-ratio", "3 / 1")
                .set("touch-action", "none").set("background", "#fff").set("display", "block")
                .set("border", "1px dashed var(--lumo-contrast-50pct)").set("border-radius", "var(--lumo-border-radius-m)");
        Button clear = new Button(getTranslation("handbook.signature.clear"), VaadinIcon.ERASER.create(),
                e -> canvas.executeJs("this.$clear && this.$clear()"));
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.setMinHeight("44px");
        clear.setId("signature-clear");
        Span note = new Span(hint);
        note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        getContent().getElement().appendChild(canvas);
        getContent().add(note, clear);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        canvas.executeJs(SETUP);
    }

    /** Hands the drawing to {@code then} as a PNG, or null when nothing was drawn. */
    void read(SerializableConsumer<byte[]> then) {
        canvas.executeJs("return this.$drawn ? this.toDataURL('image/png') : ''").then(String.class,
                url -> then.accept(url == null || url.isEmpty() ? null
                        : Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))));
    }
}
