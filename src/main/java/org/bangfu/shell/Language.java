package org.bangfu.shell;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;

import jakarta.servlet.http.Cookie;

/**
 * The UI speaks Simplified Chinese unless the person chose English; the choice is kept in a cookie so that
 * it survives signing in and out.
 */
@Component
public class Language implements VaadinServiceInitListener {

    static final String COOKIE = "bangfu-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.setLocale(chosen(VaadinRequest.getCurrent()));
            connectionTexts(ui);
        });
    }

    /** What the page says when the network drops and comes back, in the person's language too. */
    private static void connectionTexts(UI ui) {
        ui.getPage().executeJs("const indicator = window.Vaadin && window.Vaadin.connectionIndicator;"
                + "if (indicator) { indicator.onlineText = $0; indicator.reconnectingText = $1;"
                + " indicator.offlineText = $2; }", ui.getTranslation("connection.online"),
                ui.getTranslation("connection.reconnecting"), ui.getTranslation("connection.offline"));
    }

    /** Switches the current person's UI to a language and reloads the page in it. */
    public static void choose(Locale locale) {
        Locale supported = Translations.supported(locale);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, supported.toLanguageTag());
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            response.addCookie(cookie);
        }
        UI ui = UI.getCurrent();
        ui.setLocale(supported);
        ui.getPage().reload();
    }

    static Locale chosen(VaadinRequest request) {
        return Optional.ofNullable(request).map(VaadinRequest::getCookies).stream().flatMap(Arrays::stream)
                .filter(c -> COOKIE.equals(c.getName())).findFirst()
                .map(c -> Translations.supported(Locale.forLanguageTag(c.getValue())))
                .orElse(Translations.CHINESE);
    }
}
