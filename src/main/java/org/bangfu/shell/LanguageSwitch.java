package org.bangfu.shell;

import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/** One button that offers the other language: "English" in Chinese, "中文" in English. */
public class LanguageSwitch extends Button {

    public LanguageSwitch(Locale current) {
        boolean english = Translations.supported(current).equals(Translations.ENGLISH);
        // each language is named in itself, so that someone who cannot read the current one finds theirs
        setText(english ? "中文" : "English");
        getElement().setAttribute("lang", english ? "zh-CN" : "en");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        setId("language-switch");
        addClickListener(e -> Language.choose(english ? Translations.CHINESE : Translations.ENGLISH));
    }
}
