package org.bangfu.comparison.ui;

import java.util.Map;

import org.bangfu.comparison.ComparisonRule;
import org.bangfu.comparison.ComparisonRules;
import org.bangfu.comparison.Severity;
import org.bangfu.comparison.StaleComparison;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shell.Badges;
import org.bangfu.shell.FieldErrors;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 比对规则: what each rule checks, its severity and threshold. Administrators change them here, without a
 * deployment; the district and leadership read them.
 */
@Route(value = "comparison/rules", layout = MainLayout.class)
@Menu(title = "nav.comparisonRules", order = 26, icon = "vaadin:sliders")
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.STREET })
class ComparisonRulesView extends VerticalLayout implements HasDynamicTitle {

    private final transient ComparisonRules rules;
    private final Grid<ComparisonRule> grid = new Grid<>();

    ComparisonRulesView(ComparisonRules rules) {
        this.rules = rules;
        setId("comparison-rules");
        addClassName("bf-page");
        grid.addColumn(r -> r.text(getLocale())).setHeader(getTranslation("comparison.export.rule")).setFlexGrow(1);
        grid.addColumn(r -> getTranslation("agency.kind." + r.kind())).setHeader(getTranslation("agency.import.kind"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> Badges.of(getTranslation("comparison.severity." + r.severity()),
                Labels.severityTheme(r.severity()))).setHeader(getTranslation("comparison.severity")).setAutoWidth(true);
        grid.addColumn(r -> r.threshold() == null ? "—" : r.threshold().stripTrailingZeros().toPlainString() + " "
                + getTranslation("comparison.threshold." + r.thresholdKind())).setHeader(getTranslation("comparison.threshold"))
                .setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.active() ? "comparison.rule.active" : "comparison.rule.inactive"))
                .setHeader(getTranslation("comparison.rule.applies")).setAutoWidth(true);
        grid.addColumn(r -> "v" + r.version()).setHeader(getTranslation("agency.version")).setAutoWidth(true);
        ResponsiveGrid.of(grid, "comparison.rules.empty").card(r -> ResponsiveGrid.card(r.text(getLocale()),
                ResponsiveGrid.line(getTranslation("agency.kind." + r.kind()),
                        getTranslation(r.active() ? "comparison.rule.active" : "comparison.rule.inactive")),
                Badges.of(getTranslation("comparison.severity." + r.severity()), Labels.severityTheme(r.severity()))));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("rules-grid");
        boolean admin = CurrentUser.require().hasRole(Role.ADMIN);
        if (admin) {
            grid.addItemClickListener(e -> edit(e.getItem()));
        }
        add(new Paragraph(getTranslation(admin ? "comparison.rules.helpAdmin" : "comparison.rules.help")), grid);
        grid.setItems(rules.list());
    }

    private void edit(ComparisonRule rule) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(rule.text(getLocale()));
        dialog.setId("rule-dialog");
        Select<Severity> severity = new Select<>();
        severity.setLabel(getTranslation("comparison.severity"));
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(s -> getTranslation("comparison.severity." + s));
        severity.setValue(rule.severity());
        BigDecimalField threshold = new BigDecimalField(getTranslation("comparison.threshold"));
        threshold.setValue(rule.threshold());
        threshold.setSuffixComponent(new com.vaadin.flow.component.html.Span(
                getTranslation("comparison.threshold." + rule.thresholdKind())));
        threshold.setVisible(rule.thresholdKind() != ComparisonRule.Threshold.NONE);
        threshold.setId("rule-threshold");
        Checkbox active = new Checkbox(getTranslation("comparison.rule.applies"), rule.active());
        TextField textZh = new TextField(getTranslation("comparison.rule.textZh"));
        textZh.setValue(rule.textZh());
        textZh.setHelperText(getTranslation("comparison.rule.textHelp"));
        TextField textEn = new TextField(getTranslation("comparison.rule.textEn"));
        textEn.setValue(rule.textEn());
        FormLayout form = new FormLayout(severity, threshold, textZh, textEn, active);
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("severity", severity, "threshold", threshold, "textZh", textZh,
                "textEn", textEn);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                rules.update(rule.code(), rule.version(), severity.getValue(), threshold.getValue(), active.getValue(),
                        textZh.getValue(), textEn.getValue());
                Notification.show(getTranslation("comparison.rule.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                grid.setItems(rules.list());
                dialog.close();
            } catch (InvalidInput invalid) {
                FieldErrors.show(this, invalid, fields.values(), fields::get);
            } catch (StaleComparison stale) {
                Notification.show(getTranslation(stale.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
                grid.setItems(rules.list());
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("rule-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.comparisonRules");
    }
}
