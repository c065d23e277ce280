package org.bangfu.organisation.ui;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.SignedInUser;
import org.springframework.stereotype.Component;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Someone whose password was set by the security administrator (a new account's initial password, a reset) is sent
 * to the password page from wherever they go, until they have changed it: every navigation of every UI is rerouted.
 */
@Component
class PasswordChangeFirstInTheUi implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(PasswordChangeFirstInTheUi::check));
    }

    static void check(BeforeEnterEvent event) {
        boolean mustChange = CurrentUser.get().map(SignedInUser::passwordChangeRequired).orElse(false);
        if (mustChange && event.getNavigationTarget() != ChangePasswordView.class) {
            event.rerouteTo(ChangePasswordView.class);
        }
    }
}
