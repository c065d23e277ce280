package org.bangfu.pairing.ui;

import java.util.stream.Collectors;

import org.bangfu.pairing.TaskRow;
import org.bangfu.shell.Badges;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** 「2027年节假日安排尚未录入，期限可能不准」: a task whose due date was counted across a year without holidays. */
final class CalendarChip {

    private CalendarChip() {
    }

    static Span of(Component owner, TaskRow task) {
        String years = task.calendarMissing().stream().map(String::valueOf).collect(Collectors.joining("、"));
        Span chip = Badges.of(owner.getTranslation("task.calendarMissing", years), "warning");
        chip.addClassName("bf-calendar-missing");
        chip.getElement().setAttribute("title", owner.getTranslation("task.calendarMissing.hint"));
        return chip;
    }
}
