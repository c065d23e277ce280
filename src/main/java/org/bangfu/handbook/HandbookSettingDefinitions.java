package org.bangfu.handbook;

import java.util.List;

import org.bangfu.settings.SettingDefinition;
import org.bangfu.settings.SettingDefinitions;
import org.bangfu.settings.SettingGroup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The handbook's settings (系统设置): who issues it and where its QR code leads, both printed on paper, and how far
 * back a visit may be dated. Defaults from {@code bangfu.public-url} and {@code bangfu.handbook.*}.
 */
@Component
class HandbookSettingDefinitions implements SettingDefinitions {

    static final String PUBLIC_URL = "public-url";
    static final String ISSUER = "handbook.issuer";
    static final String VISIT_BACKDATE_DAYS = "handbook.visit-backdate-days";

    /** The placeholders application.yml ships with: production refuses to print them in a handbook. */
    static final String SHIPPED_PUBLIC_URL = "http://localhost:8080";
    static final String SHIPPED_ISSUER = "弋江区民政局";

    private final String publicUrl;
    private final String issuer;
    private final int visitBackdateDays;

    HandbookSettingDefinitions(@Value("${bangfu.public-url}") String publicUrl,
            @Value("${bangfu.handbook.issuer}") String issuer,
            @Value("${bangfu.handbook.visit-backdate-days:7}") int visitBackdateDays) {
        this.publicUrl = publicUrl;
        this.issuer = issuer;
        this.visitBackdateDays = visitBackdateDays;
    }

    @Override
    public List<SettingDefinition> settingDefinitions() {
        return List.of(
                SettingDefinition.integer(VISIT_BACKDATE_DAYS, SettingGroup.DEADLINES, visitBackdateDays, 0, 90)
                        .help("setting.handbook.visit-backdate-days.help"),
                SettingDefinition.url(PUBLIC_URL, SettingGroup.PRINTING, publicUrl).help("setting.public-url.help")
                        .printedOnPaper("BANGFU_PUBLIC_URL", SHIPPED_PUBLIC_URL),
                SettingDefinition.text(ISSUER, SettingGroup.PRINTING, issuer, 50).help("setting.handbook.issuer.help")
                        .printedOnPaper("BANGFU_HANDBOOK_ISSUER", SHIPPED_ISSUER));
    }
}
