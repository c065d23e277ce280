package org.bangfu.security.ui;

import org.bangfu.organisation.UserAccounts;
import org.bangfu.shell.LanguageSwitch;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The sign-in page, in Simplified Chinese unless English was chosen. Spring Security processes the form
 * (POST /login); a failed attempt comes back with {@code ?error}, and a locked account says so.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final long lockMinutes;

    LoginView(UserAccounts accounts) {
        this.lockMinutes = accounts.lockDuration().toMinutes();
        setId("login-view");
        addClassName("bf-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("bf-login-title");
        Paragraph subtitle = new Paragraph(getTranslation("app.subtitle"));
        subtitle.addClassName("bf-login-subtitle");

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());

        Div footer = new Div(new LanguageSwitch(getLocale()));
        footer.addClassName("bf-login-footer");
        add(title, subtitle, form, footer);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        i18n.setAdditionalInformation(getTranslation("login.notice"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            if (lastFailure() instanceof LockedException) {
                LoginI18n i18n = i18n();
                i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
                i18n.getErrorMessage().setMessage(getTranslation("login.locked.message", lockMinutes));
                form.setI18n(i18n);
            }
            form.setError(true);
        }
    }

    private static Object lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? null : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.pageTitle");
    }
}
