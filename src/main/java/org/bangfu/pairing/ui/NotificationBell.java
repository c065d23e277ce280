package org.bangfu.pairing.ui;

import java.util.List;

import org.bangfu.pairing.Notification;
import org.bangfu.pairing.Notifications;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shell.Badges;
import org.bangfu.shell.HeaderWidget;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The bell in the top bar: how many notifications are unread (new tasks for me or my group, tasks due soon,
 * overdue ones, and for the district escalations); it opens the list, and each opens its task.
 */
@org.springframework.stereotype.Component
class NotificationBell implements HeaderWidget {

    private final Notifications notifications;

    NotificationBell(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Component create() {
        // administrators work no tasks, but hear from the calendar
        if (CurrentUser.get().isEmpty() || PairingTasks.groups(CurrentUser.require()).isEmpty()
                && !CurrentUser.require().hasRole(Role.ADMIN)) {
            return null;
        }
        Button bell = new Button(VaadinIcon.BELL.create());
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setMinHeight("44px");
        bell.setAriaLabel(bell.getTranslation("notification.bell"));
        show(bell);
        bell.addClickListener(e -> open(bell));
        return bell;
    }

    private static boolean calendar(Notification notification) {
        return notification.kind() == Notification.Kind.CALENDAR_MISSING;
    }

    private void show(Button bell) {
        int unread = notifications.unreadCount();
        bell.setText(unread == 0 ? "" : unread >= 100 ? "99+" : String.valueOf(unread));
    }

    private void open(Button bell) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(bell.getTranslation("notification.title"));
        dialog.setWidth("min(40em, 95vw)");
        List<Notification> items = notifications.mine(false, 50);
        Grid<Notification> grid = new Grid<>();
        grid.setId("notification-grid");
        grid.addComponentColumn(n -> Badges.of(bell.getTranslation("notification.kind." + n.kind().name()),
                n.kind() == Notification.Kind.NEW_TASK ? "primary"
                        : n.kind() == Notification.Kind.DUE_SOON || calendar(n) ? "warning" : "error"))
                .setAutoWidth(true);
        grid.addColumn(n -> calendar(n)
                ? bell.getTranslation("notification.calendarMissing", String.valueOf(n.dueOn().getYear()))
                : n.headName() + " · " + bell.getTranslation("task." + n.taskKey())).setFlexGrow(1);
        grid.addComponentColumn(n -> new Span(BureauTime.time(n.createdAt()))).setAutoWidth(true);
        ResponsiveGrid.of(grid, "notification.empty").card(n -> ResponsiveGrid.card(calendar(n)
                ? bell.getTranslation("notification.calendarMissing", String.valueOf(n.dueOn().getYear()))
                : n.headName() + " · " + bell.getTranslation("task." + n.taskKey()),
                bell.getTranslation("notification.kind." + n.kind().name()), BureauTime.time(n.createdAt())));
        grid.setItems(items);
        grid.setClassNameGenerator(n -> n.read() ? null : "bf-unread");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> {
            notifications.markRead(e.getItem().id());
            dialog.close();
            show(bell);
            bell.getUI().ifPresent(ui -> ui.navigate(calendar(e.getItem()) ? "calendar" : "tasks/" + e.getItem().taskId()));
        });
        if (items.isEmpty()) {
            dialog.add(new Span(bell.getTranslation("notification.empty")));
        } else {
            dialog.add(grid);
        }
        Button readAll = new Button(bell.getTranslation("notification.readAll"), e -> {
            notifications.markAllRead();
            dialog.close();
            show(bell);
        });
        readAll.setId("notification-read-all");
        readAll.setEnabled(items.stream().anyMatch(n -> !n.read()));
        dialog.getFooter().add(readAll, new Button(bell.getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }
}
