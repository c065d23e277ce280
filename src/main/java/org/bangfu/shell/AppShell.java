package org.bangfu.shell;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;

/** The page every view lives in: Bangfu's theme, its icon, and a viewport that works on a phone. */
@Theme("bangfu")
@Viewport(Viewport.DEVICE_DIMENSIONS)
@Meta(name = "referrer", content = "same-origin")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("帮扶 Bangfu");
        // served from META-INF/resources; Vaadin's security lets anyone fetch /favicon.ico
        settings.addFavIcon("icon", "favicon.ico", "16x16 32x32 48x48");
    }
}
