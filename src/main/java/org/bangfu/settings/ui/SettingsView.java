package org.bangfu.settings.ui;

import java.time.Instant;
import java.util.List;

import org.bangfu.settings.Setting;
import org.bangfu.settings.SettingChange;
import org.bangfu.settings.SettingDefinition;
import org.bangfu.settings.SettingGroup;
import org.bangfu.settings.SettingType;
import org.bangfu.settings.Settings;
import org.bangfu.settings.StaleSetting;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shell.FieldErrors;
import org.bangfu.shell.Keypad;
import org.bangfu.shell.MainLayout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 系统设置: every setting by group, with its value in force, its default and its last change; administrators change
 * one with a reason (a change someone else made meanwhile is refused), and everyone here reads each one's history.
 * Cards rather than a grid, so that a phone never scrolls sideways.
 */
@Route(value = "settings", layout = MainLayout.class)
@Menu(title = "nav.settings", order = 67, icon = "vaadin:cog")
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.AUDITOR })
class SettingsView extends VerticalLayout implements HasDynamicTitle {

    private final transient Settings settings;
    private final boolean admin;
    private final Div groups = new Div();

    SettingsView(Settings settings) {
        this.settings = settings;
        this.admin = CurrentUser.require().hasRole(Role.ADMIN);
        setId("settings-view");
        addClassName("bf-page");
        groups.setWidthFull();
        add(new Paragraph(getTranslation("settings.help")), groups);
        refresh();
    }

    private void refresh() {
        groups.removeAll();
        List<Setting> all = settings.list();
        for (SettingGroup group : SettingGroup.values()) {
            List<Setting> inGroup = all.stream().filter(s -> s.definition().group() == group).toList();
            if (inGroup.isEmpty()) {
                continue;
            }
            H3 title = new H3(getTranslation("settings.group." + group));
            VerticalLayout cards = new VerticalLayout();
            cards.setPadding(false);
            cards.setSpacing(true);
            cards.setId("settings-group-" + group);
            inGroup.forEach(s -> cards.add(card(s)));
            groups.add(title, cards);
        }
    }

    private VerticalLayout card(Setting setting) {
        SettingDefinition definition = setting.definition();
        VerticalLayout card = new VerticalLayout();
        card.addClassName("bf-setting");
        card.setSpacing(false);
        card.setId("setting-" + id(definition.key()));
        Span label = new Span(getTranslation(definition.labelKey()));
        label.addClassName("bf-setting-label");
        Span value = new Span(shown(definition, setting.value()));
        value.addClassName("bf-setting-value");
        value.addClassName("bf-setting-current");
        card.add(label, value);
        card.add(meta(getTranslation("settings.default.value", shown(definition, setting.defaultValue()))));
        Span change = meta(setting.changed()
                ? getTranslation("settings.lastChange.value", setting.changedBy(), when(setting.changedAt()))
                : getTranslation("settings.neverChanged"));
        change.addClassName("bf-setting-change");
        card.add(change);
        if (definition.helpKey() != null) {
            card.add(meta(getTranslation(definition.helpKey())
                    + (definition.printed() ? "（" + getTranslation("settings.printed") + "）" : "")));
        }
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        if (admin) {
            Button edit = new Button(getTranslation("settings.edit"), e -> edit(setting));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            edit.addClassName("bf-setting-edit");
            actions.add(edit);
        }
        Button history = new Button(getTranslation("settings.history"), e -> history(setting));
        history.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        history.addClassName("bf-setting-history");
        actions.add(history);
        card.add(actions);
        return card;
    }

    private void edit(Setting setting) {
        SettingDefinition definition = setting.definition();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("settings.dialog.title", getTranslation(definition.labelKey())));
        dialog.setId("settings-dialog");
        dialog.setWidth("min(32rem, 95vw)");
        TextField value = new TextField(getTranslation("settings.newValue"));
        value.setId("settings-value");
        value.setValue(setting.value());
        value.setHelperText(getTranslation("settings.type." + definition.type(),
                String.valueOf(definition.min()), String.valueOf(definition.max())));
        value.setWidthFull();
        if (definition.type() == SettingType.INTEGER) {
            Keypad.numeric(value);
        }
        TextArea reason = new TextArea(getTranslation("settings.reason"));
        reason.setId("settings-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        Button save = new Button(getTranslation("settings.save"), e -> {
            value.setInvalid(false);
            reason.setInvalid(false);
            try {
                settings.change(definition.key(), value.getValue(), reason.getValue(), setting.version());
                dialog.close();
                Notification.show(getTranslation("settings.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (InvalidInput invalid) {
                FieldErrors.show(this, invalid, List.of(), field -> field.equals("reason") ? reason : value);
            } catch (StaleSetting stale) {
                dialog.close();
                Notification notice = Notification.show(getTranslation("setting.stale"));
                notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
                refresh();
            }
        });
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("settings.cancel"), e -> dialog.close());
        VerticalLayout body = new VerticalLayout(value, reason);
        body.setPadding(false);
        dialog.add(body);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        value.focus();
    }

    private void history(Setting setting) {
        SettingDefinition definition = setting.definition();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("settings.history.title", getTranslation(definition.labelKey())));
        dialog.setId("settings-history");
        dialog.setWidth("min(36rem, 95vw)");
        List<SettingChange> changes = settings.history(definition.key());
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        if (changes.isEmpty()) {
            list.add(new Span(getTranslation("settings.history.empty")));
        }
        for (SettingChange change : changes) {
            VerticalLayout entry = new VerticalLayout();
            entry.addClassName("bf-setting");
            entry.addClassName("bf-setting-entry");
            entry.setSpacing(false);
            Span values = new Span(getTranslation("settings.history.change", shown(definition, change.oldValue()),
                    shown(definition, change.newValue())));
            values.addClassName("bf-setting-value");
            entry.add(values, meta(getTranslation("settings.lastChange.value", change.changedBy(),
                    when(change.changedAt()))), meta(getTranslation("settings.reason") + "：" + change.reason()));
            list.add(entry);
        }
        dialog.add(list);
        Button close = new Button(getTranslation("settings.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    private String shown(SettingDefinition definition, String value) {
        return definition.type() == SettingType.MONEY ? value + " " + getTranslation("money.unit") : value;
    }

    private static Span meta(String text) {
        Span span = new Span(text);
        span.addClassName("bf-setting-meta");
        return span;
    }

    private static String when(Instant instant) {
        return BureauTime.time(instant);
    }

    /** An element id from a key: letters, digits and hyphens. */
    static String id(String key) {
        return key.replaceAll("[^A-Za-z0-9-]", "-");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.settings");
    }
}
