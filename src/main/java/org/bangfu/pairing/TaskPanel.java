package org.bangfu.pairing;

import com.vaadin.flow.component.Component;

/**
 * What another module shows on the page of one of its tasks, above the form (the fund release: the request, what
 * is left of the arrangement, the decisions so far), so that the task page needs no dependency on it.
 */
public interface TaskPanel {

    boolean handles(String taskKey);

    Component create(TaskDetail detail);
}
