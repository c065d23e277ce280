package org.bangfu.settings;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production profile: refuses to start while a setting printed on paper (where to object, the public address in
 * the handbook's QR code, the handbook's issuer) still has the placeholder Bangfu ships with, naming each and the
 * environment variable that sets it. A value an administrator stored under 系统设置 counts as set. Runs before the
 * web server accepts requests.
 */
@Component
@Profile("prod")
class PlaceholdersOnPaperCheck implements SmartInitializingSingleton {

    private final Settings settings;

    PlaceholdersOnPaperCheck(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<SettingDefinition> placeholders = settings.placeholdersOnPaper();
        if (!placeholders.isEmpty()) {
            throw new IllegalStateException("Refusing to start: these settings are printed on notices and handbooks "
                    + "but still have the placeholder Bangfu ships with. Set each in the environment (a value "
                    + "changed under 系统设置 counts as set): " + placeholders.stream()
                            .map(d -> d.paper().environmentVariable() + " (setting " + d.key() + ", now '"
                                    + d.paper().shippedPlaceholder() + "')")
                            .collect(Collectors.joining(", ")));
        }
    }
}
