package org.bangfu.organisation;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is: integrations check their credentials and scope with it; and the caller's own password change,
 * the one thing (with reading who they are) an account whose password was set by the security administrator may do.
 */
@RestController
@RequestMapping("/api/me")
class AccountApi {

    private final Organisation organisation;
    private final UserAccounts accounts;
    private final MessageSource messages;

    AccountApi(Organisation organisation, UserAccounts accounts, MessageSource messages) {
        this.organisation = organisation;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    Me me() {
        SignedInUser user = CurrentUser.require();
        return new Me(user.getUsername(), user.displayName(), user.role().name(),
                user.streetId() == null ? null : organisation.street(user.streetId()).map(Street::name).orElse(null),
                user.teamId() == null ? null : organisation.team(user.teamId()).map(Team::name).orElse(null),
                user.passwordChangeRequired());
    }

    /** Changes the caller's own password, proving the current one: 204, or 400 naming the field at fault. */
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
        List<FieldError> errors = new ArrayList<>();
        if (change.currentPassword() == null || change.currentPassword().isEmpty()) {
            errors.add(new FieldError("currentPassword", "form.required"));
        }
        if (change.newPassword() == null || change.newPassword().isEmpty()) {
            errors.add(new FieldError("newPassword", "form.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        try {
            accounts.changeOwnPassword(change.currentPassword(), change.newPassword());
        } catch (BadCredentialsException wrong) {
            throw new InvalidInput("currentPassword", "password.change.wrongCurrent");
        } catch (PasswordPolicyViolation violation) {
            throw new InvalidInput("newPassword", violation.messageKey());
        }
        return ResponseEntity.noContent().build();
    }

    record Me(String username, String displayName, String role, String street, String team,
            boolean passwordChangeRequired) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }
}
