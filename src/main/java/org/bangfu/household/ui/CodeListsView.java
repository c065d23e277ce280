package org.bangfu.household.ui;

import org.bangfu.household.CodeLists.CodeItem;
import org.bangfu.household.CodeLists;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** 代码表: the administrator extends the code lists of the file (causes, measures, health …). */
@Route(value = "code-lists", layout = MainLayout.class)
@Menu(title = "nav.codeLists", order = 65, icon = "vaadin:list")
@RolesAllowed(Role.Names.ADMIN)
class CodeListsView extends VerticalLayout implements HasDynamicTitle {

    CodeListsView(CodeLists codes) {
        setId("code-lists-view");
        addClassName("bf-page");
        Select<String> list = new Select<>();
        list.setLabel(getTranslation("codes.list"));
        list.setItems(CodeLists.names());
        list.setItemLabelGenerator(name -> getTranslation("codes.list." + name));
        Grid<CodeItem> grid = new Grid<>();
        grid.addColumn(CodeItem::code).setHeader(getTranslation("organisation.code")).setAutoWidth(true);
        grid.addColumn(CodeItem::labelZh).setHeader(getTranslation("codes.labelZh")).setAutoWidth(true);
        grid.addColumn(CodeItem::labelEn).setHeader(getTranslation("codes.labelEn")).setFlexGrow(1);
        ResponsiveGrid.of(grid, "codes.empty").card(i -> ResponsiveGrid.card(ResponsiveGrid.line(i.labelZh(), i.code()),
                i.labelEn()));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        list.addValueChangeListener(e -> grid.setItems(codes.items(e.getValue())));
        list.setValue(CodeLists.CAUSE);

        TextField code = new TextField(getTranslation("organisation.code"));
        TextField labelZh = new TextField(getTranslation("codes.labelZh"));
        TextField labelEn = new TextField(getTranslation("codes.labelEn"));
        Button add = new Button(getTranslation("codes.add"), e -> {
            code.setInvalid(false);
            labelZh.setInvalid(false);
            labelEn.setInvalid(false);
            try {
                codes.add(list.getValue(), code.getValue().trim().toUpperCase(), labelZh.getValue(), labelEn.getValue());
                grid.setItems(codes.items(list.getValue()));
                code.clear();
                labelZh.clear();
                labelEn.clear();
                Notification.show(getTranslation("household.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInput invalid) {
                for (InvalidInput.FieldError error : invalid.errors()) {
                    TextField field = switch (error.field()) {
                        case "labelZh" -> labelZh;
                        case "labelEn" -> labelEn;
                        default -> code;
                    };
                    field.setErrorMessage(getTranslation(error.messageKey()));
                    field.setInvalid(true);
                }
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(code, labelZh, labelEn, add);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        add(list, grid, form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.codeLists");
    }
}
