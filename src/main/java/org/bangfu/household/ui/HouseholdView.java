package org.bangfu.household.ui;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.bangfu.household.Attachments.AttachmentInfo;
import org.bangfu.household.Attachments;
import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdFile.Cadre;
import org.bangfu.household.HouseholdFile.Member;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdPageSection;
import org.bangfu.household.HouseholdPageTab;
import org.bangfu.household.Households;
import org.bangfu.household.SensitiveField;
import org.bangfu.household.StaleHousehold;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.People;
import org.bangfu.shared.Role;
import org.bangfu.shell.Badges;
import org.bangfu.shell.DateField;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.Names;
import org.bangfu.shell.ResponsiveGrid;
import org.bangfu.shell.UploadTexts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

/**
 * A household's page: its file in tabs (basics, members, living conditions, causes and needs, responsible
 * cadres, history). Sensitive values are masked, with a "show" button for those who may see them (audited).
 * A household outside the person's scope looks exactly like one that does not exist.
 */
@Route(value = "households/:id(\\d+)", layout = MainLayout.class)
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.STREET, Role.Names.TEAM_MEMBER,
        Role.Names.TEAM_LEADER })
class HouseholdView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient Households households;
    private final transient Attachments attachments;
    private final transient CodeLists codes;
    private final transient Names names;
    private final transient List<HouseholdPageSection> sections;
    private final transient List<HouseholdPageTab> extraTabs;
    private HouseholdFile file;
    private long id;
    private TabSheet tabs;
    /** The name of each tab shown, in order, as the page's address names it. */
    private final List<String> tabNames = new ArrayList<>();
    /** The tab the address asked for. */
    private String requestedTab;

    HouseholdView(Households households, Attachments attachments, CodeLists codes, People people,
            List<HouseholdPageSection> sections, List<HouseholdPageTab> extraTabs) {
        this.extraTabs = extraTabs;
        this.names = new Names(people, this::getTranslation);
        this.households = households;
        this.attachments = attachments;
        this.codes = codes;
        this.sections = sections;
        setId("household-view");
        addClassName("bf-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().getLong("id").orElse(-1L),
                event.getLocation().getQueryParameters().getSingleParameter("tab").orElse(null));
    }

    /** The household's page on the tab named {@code tab} (the first when there is none of that name). */
    void show(long id, String tab) {
        this.id = id;
        requestedTab = tab;
        tabs = null;
        render();
    }

    /** The name of the tab shown. */
    String selectedTab() {
        return tabNames.get(tabs.getSelectedIndex());
    }

    /** Draws the page anew (after a save), on the tab the person was on. */
    private void render() {
        String selected = tabs == null ? requestedTab : selectedTab();
        removeAll();
        file = households.find(id).orElse(null);
        if (file == null) {
            Paragraph missing = new Paragraph(getTranslation("household.notFound"));
            missing.setId("household-not-found");
            add(missing, new Button(getTranslation("household.backToList"),
                    e -> getUI().ifPresent(ui -> ui.navigate("households"))));
            return;
        }
        H2 title = new H2(file.headName() + " · " + file.fileNo());
        title.setId("household-title");
        HorizontalLayout header = new HorizontalLayout(title,
                Badges.of(getTranslation("stage." + file.stage().name()), "contrast"));
        header.setAlignItems(Alignment.CENTER);
        header.setWrap(true);
        if (file.demo()) {
            header.add(Badges.of(getTranslation("field.demo"), "warning"));
        }
        // the comparison module's page for this household (a link, not a dependency: comparison builds on the file)
        Anchor comparison = new Anchor("comparison/household/" + id, getTranslation("household.comparison"));
        comparison.setId("household-comparison");
        header.add(comparison);
        tabs = new TabSheet();
        tabs.setWidthFull();
        tabNames.clear();
        tab("basics", basics());
        tab("members", members());
        tab("living", living());
        tab("causes", causes());
        tab("cadres", cadres());
        tab("attachments", attachmentsTab());
        for (HouseholdPageTab extra : extraTabs) {
            Component content = extra.create(file);
            if (content != null) {
                tabs.add(getTranslation(extra.labelKey()), content).setId("tab-" + extra.name());
                tabNames.add(extra.name());
            }
        }
        tab("history", history());
        tabs.setSelectedIndex(Math.max(0, tabNames.indexOf(selected)));
        // the address names the tab shown, so that reloading or sharing it lands on the same tab
        tabs.addSelectedChangeListener(e -> getUI().ifPresent(ui -> ui.getPage().getHistory()
                .replaceState(null, HouseholdPageTab.address(id, selectedTab()))));
        add(header);
        sections.stream().map(section -> section.create(file)).filter(java.util.Objects::nonNull).forEach(this::add);
        add(tabs);
    }

    private void tab(String name, Component content) {
        tabs.add(getTranslation("household.tab." + name), content).setId("tab-" + name);
        tabNames.add(name);
    }

    private Component basics() {
        FormLayout form = readOnly();
        form.addFormItem(text(file.fileNo()), getTranslation("field.fileNo"));
        form.addFormItem(text(file.headName()), getTranslation("field.headName"));
        form.addFormItem(text(getTranslation("attribute." + file.attribute().name())), getTranslation("field.attribute"));
        form.addFormItem(text(file.streetName() + " " + file.villageName()), getTranslation("field.villageId"));
        form.addFormItem(text(file.address()), getTranslation("field.address"));
        form.addFormItem(sensitive(file.phone(), SensitiveField.PHONE, null), getTranslation("field.phone"));
        form.addFormItem(sensitive(file.bankAccount(), SensitiveField.BANK_ACCOUNT, null), getTranslation("field.bankAccount"));
        form.addFormItem(text(file.teamName()), getTranslation("field.teamId"));
        form.addFormItem(text(BureauTime.time(file.updatedAt())), getTranslation("household.updatedAt"));
        VerticalLayout tab = new VerticalLayout(form);
        tab.setPadding(false);
        if (file.editable()) {
            Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("households/" + id + "/edit")));
            edit.setId("household-edit");
            tab.add(edit);
        }
        return tab;
    }

    private Component members() {
        Grid<Member> grid = new Grid<>();
        grid.setId("member-grid");
        grid.addColumn(Member::name).setHeader(getTranslation("field.name")).setAutoWidth(true);
        grid.addColumn(m -> Labels.code(codes, CodeLists.RELATION, m.relation(), getLocale()))
                .setHeader(getTranslation("field.relation")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation("gender." + m.gender().name())).setHeader(getTranslation("field.gender"));
        grid.addColumn(m -> m.birthDate().toString()).setHeader(getTranslation("field.birthDate")).setAutoWidth(true);
        grid.addComponentColumn(m -> sensitive(m.idNumber(), SensitiveField.ID_NUMBER, m.id()))
                .setHeader(getTranslation("field.idNumber")).setAutoWidth(true);
        grid.addColumn(m -> Labels.code(codes, CodeLists.EDUCATION, m.education(), getLocale()))
                .setHeader(getTranslation("field.education")).setAutoWidth(true);
        grid.addColumn(m -> Labels.code(codes, CodeLists.LABOUR, m.labourAbility(), getLocale()))
                .setHeader(getTranslation("field.labourAbility")).setAutoWidth(true);
        grid.addComponentColumn(m -> sensitive(m.health(), SensitiveField.HEALTH, m.id()))
                .setHeader(getTranslation("field.health")).setAutoWidth(true);
        grid.addColumn(m -> (m.medicalInsurance() ? "✓" : "—") + " / " + (m.pensionInsurance() ? "✓" : "—"))
                .setHeader(getTranslation("household.insurance")).setAutoWidth(true);
        ResponsiveGrid<Member> phone = ResponsiveGrid.of(grid, "household.members.empty");
        if (file.editable()) {
            phone.keep(grid.addComponentColumn(this::memberActions).setHeader(getTranslation("accounts.actions")).setAutoWidth(true));
        }
        phone.card(m -> ResponsiveGrid.card(ResponsiveGrid.line(m.name(),
                Labels.code(codes, CodeLists.RELATION, m.relation(), getLocale())),
                ResponsiveGrid.line(getTranslation("gender." + m.gender().name()), m.birthDate()),
                sensitive(m.idNumber(), SensitiveField.ID_NUMBER, m.id())));
        grid.setItems(file.members());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        VerticalLayout tab = new VerticalLayout(grid);
        tab.setPadding(false);
        if (file.editable()) {
            Button add = new Button(getTranslation("household.addMember"), VaadinIcon.PLUS.create(), e -> memberDialog(null));
            add.setId("member-add");
            tab.add(add);
        }
        return tab;
    }

    private Component memberActions(Member member) {
        Button edit = new Button(getTranslation("action.edit"), e -> memberDialog(member));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.setId("member-edit-" + member.id());
        Button remove = new Button(getTranslation("household.removeMember"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("household.removeMember"),
                    getTranslation("household.removeMember.confirm", member.name()), getTranslation("action.confirm"),
                    ok -> act(() -> households.removeMember(id, member.id(), member.version())));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, remove);
    }

    private void memberDialog(Member member) {
        Dialog dialog = new Dialog(getTranslation(member == null ? "household.addMember" : "household.editMember"));
        MemberForm form = new MemberForm(codes, member != null);
        if (member != null) {
            form.setMember(member);
        }
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                if (member == null) {
                    households.addMember(id, form.draft());
                } else {
                    households.updateMember(id, member.id(), member.version(), form.draft());
                }
                dialog.close();
                saved();
            } catch (InvalidInput invalid) {
                form.showErrors(invalid);
            } catch (StaleHousehold stale) {
                dialog.close();
                stale();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("member-save");
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(46rem, 100vw)");
        dialog.open();
    }

    private Component living() {
        FormLayout form = readOnly();
        form.addFormItem(text(area(file.housingArea())), getTranslation("field.housingArea"));
        form.addFormItem(text(Labels.code(codes, CodeLists.STRUCTURE, file.housingStructure(), getLocale())),
                getTranslation("field.housingStructure"));
        form.addFormItem(text(Labels.code(codes, CodeLists.DILAPIDATION, file.dilapidation(), getLocale())),
                getTranslation("field.dilapidation"));
        form.addFormItem(text(area(file.landArea())), getTranslation("field.landArea"));
        return form;
    }

    private Component causes() {
        FormLayout form = readOnly();
        form.addFormItem(text(Labels.code(codes, CodeLists.CAUSE, file.mainCause(), getLocale())),
                getTranslation("field.mainCause"));
        form.addFormItem(text(file.secondaryCauses().stream()
                .map(c -> Labels.code(codes, CodeLists.CAUSE, c, getLocale())).collect(Collectors.joining("、"))),
                getTranslation("field.secondaryCauses"));
        form.addFormItem(text(file.needs()), getTranslation("field.needs"));
        return form;
    }

    private Component cadres() {
        Grid<Cadre> grid = new Grid<>();
        grid.addColumn(Cadre::name).setHeader(getTranslation("field.cadre")).setAutoWidth(true);
        grid.addColumn(Cadre::unit).setHeader(getTranslation("household.cadreUnit")).setAutoWidth(true);
        grid.addColumn(c -> c.from() + " ~ " + (c.to() == null ? getTranslation("household.cadreCurrent") : c.to()))
                .setHeader(getTranslation("household.cadreTerm")).setAutoWidth(true);
        ResponsiveGrid.of(grid, "household.cadres.empty").card(c -> ResponsiveGrid.card(c.name(), c.unit(),
                c.from() + " ~ " + (c.to() == null ? getTranslation("household.cadreCurrent") : c.to())));
        grid.setItems(file.cadres());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        VerticalLayout tab = new VerticalLayout(grid);
        tab.setPadding(false);
        if (file.editable()) {
            TextField name = new TextField(getTranslation("field.cadre"));
            TextField unit = new TextField(getTranslation("household.cadreUnit"));
            DatePicker from = new DateField(getTranslation("household.cadreFrom"), BureauTime.today());
            Button assign = new Button(getTranslation("household.assignCadre"), e -> {
                try {
                    households.assignCadre(id, name.getValue(), unit.getValue(), from.getValue());
                    saved();
                } catch (InvalidInput invalid) {
                    name.setErrorMessage(getTranslation(invalid.errors().get(0).messageKey()));
                    name.setInvalid(true);
                }
            });
            HorizontalLayout row = new HorizontalLayout(name, unit, from, assign);
            row.setAlignItems(Alignment.BASELINE);
            row.setWrap(true);
            tab.add(row);
        }
        return tab;
    }

    private Component attachmentsTab() {
        Grid<AttachmentInfo> grid = new Grid<>();
        grid.setId("attachment-grid");
        grid.addComponentColumn(this::download).setHeader(getTranslation("attachment.name")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("attachment.kind." + a.kind().name())).setHeader(getTranslation("attachment.kind"))
                .setAutoWidth(true);
        grid.addColumn(a -> (a.size() + 1023) / 1024 + " KB").setHeader(getTranslation("attachment.size")).setAutoWidth(true);
        grid.addColumn(a -> names.of(a.uploadedBy())).setHeader(getTranslation("audit.column.actor")).setAutoWidth(true);
        grid.addColumn(a -> BureauTime.time(a.uploadedAt())).setHeader(getTranslation("audit.column.time")).setAutoWidth(true);
        ResponsiveGrid.of(grid, "attachment.list.empty").card(a -> ResponsiveGrid.card(download(a),
                ResponsiveGrid.line(getTranslation("attachment.kind." + a.kind().name()), (a.size() + 1023) / 1024 + " KB"),
                ResponsiveGrid.line(names.of(a.uploadedBy()), BureauTime.time(a.uploadedAt()))));
        grid.setItems(names.load(attachments.list(id), AttachmentInfo::uploadedBy));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        VerticalLayout tab = new VerticalLayout(grid);
        tab.setPadding(false);
        if (file.editable()) {
            Select<Attachments.Kind> kind = new Select<>();
            kind.setLabel(getTranslation("attachment.kind"));
            // a signature is drawn in the handbook, not uploaded here
            kind.setItems(java.util.Arrays.stream(Attachments.Kind.values()).filter(k -> k != Attachments.Kind.SIGNATURE)
                    .toList());
            kind.setItemLabelGenerator(k -> getTranslation("attachment.kind." + k.name()));
            kind.setValue(Attachments.Kind.HOUSE_PHOTO);
            UI ui = UI.getCurrent();
            Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
                try {
                    attachments.add(id, kind.getValue(), metadata.fileName(), bytes);
                    ui.access(this::saved);
                } catch (InvalidInput invalid) {
                    InvalidInput.FieldError error = invalid.errors().get(0);
                    ui.access(() -> Notification.show(getTranslation(error.messageKey(), error.arguments()), 6000,
                            Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR));
                }
            }));
            upload.setId("attachment-upload");
            upload.setMaxFiles(1);
            upload.setMaxFileSize((int) attachments.maxSize().toBytes());
            // photos as JPEG or PNG (a phone converts its HEIC photos when asked for these), scans also as PDF
            upload.setAcceptedFileTypes("image/jpeg", "image/png", "application/pdf", ".jpg", ".jpeg", ".png", ".pdf");
            upload.setI18n(uploadI18n());
            tab.add(kind, upload, new Span(getTranslation("attachment.help", attachments.maxSize().toMegabytes())));
        }
        return tab;
    }

    private UploadI18N uploadI18n() {
        return UploadTexts.of(this, getTranslation("attachment.tooLarge", attachments.maxSize().toMegabytes()));
    }

    private Anchor download(AttachmentInfo a) {
        return new Anchor(DownloadHandler.fromInputStream(event -> attachments.download(id, a.id())
                .map(d -> new DownloadResponse(new ByteArrayInputStream(d.content()), d.originalName(),
                        d.contentType(), d.content().length))
                .orElseGet(() -> DownloadResponse.error(404))), a.originalName());
    }

    private Component history() {
        Grid<HistoryLines.Line> grid = new Grid<>();
        grid.setId("history-grid");
        grid.addColumn(l -> BureauTime.time(l.change().occurredAt())).setHeader(getTranslation("audit.column.time"))
                .setAutoWidth(true);
        grid.addColumn(HistoryLines.Line::who).setHeader(getTranslation("audit.column.actor")).setAutoWidth(true);
        grid.addColumn(HistoryLines.Line::what).setHeader(getTranslation("audit.column.action")).setAutoWidth(true);
        grid.addColumn(HistoryLines.Line::field).setHeader(getTranslation("household.history.what")).setAutoWidth(true);
        grid.addColumn(HistoryLines.Line::before).setHeader(getTranslation("household.history.before")).setAutoWidth(true);
        grid.addColumn(HistoryLines.Line::after).setHeader(getTranslation("household.history.after")).setAutoWidth(true);
        ResponsiveGrid.of(grid, "household.history.empty").card(l -> ResponsiveGrid.card(
                ResponsiveGrid.line(l.what(), l.field()), ResponsiveGrid.line(BureauTime.time(l.change().occurredAt()), l.who()),
                l.before().isEmpty() && l.after().isEmpty() ? null : l.before() + " → " + l.after()));
        grid.setItems(new HistoryLines(codes, getLocale(), this::getTranslation, names).of(households.history(id)));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }

    /** A masked value, with a button that shows it in full (audit-logged) to those who may. */
    private Component sensitive(String masked, SensitiveField field, Long memberId) {
        Span value = new Span(nullToEmpty(masked));
        HorizontalLayout cell = new HorizontalLayout(value);
        cell.setSpacing(false);
        cell.setAlignItems(Alignment.CENTER);
        if (masked != null && file.revealable()) {
            Button show = new Button(VaadinIcon.EYE.create());
            show.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            show.setAriaLabel(getTranslation("household.show", getTranslation("sensitive." + field.name())));
            show.setTooltipText(getTranslation("household.show", getTranslation("sensitive." + field.name())));
            show.addClickListener(e -> {
                value.setText(households.reveal(id, field, memberId));
                show.setVisible(false);
            });
            cell.add(show);
        }
        return cell;
    }

    private void act(Runnable action) {
        try {
            action.run();
            saved();
        } catch (StaleHousehold stale) {
            stale();
        }
    }

    private void saved() {
        Notification.show(getTranslation("household.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        render();
    }

    private void stale() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("household.stale.title"),
                getTranslation("household.stale.message"), getTranslation("household.stale.reload"), e -> render());
        dialog.setId("stale-dialog");
        dialog.open();
    }

    private static FormLayout readOnly() {
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        return form;
    }

    private static Component text(String value) {
        return new Div(new Span(nullToEmpty(value)));
    }

    private static String area(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String getPageTitle() {
        return file == null ? getTranslation("nav.households") : file.headName() + " · " + getTranslation("nav.households");
    }
}
