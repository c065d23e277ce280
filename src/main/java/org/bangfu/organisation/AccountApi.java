package org.bangfu.organisation;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.SignedInUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is: integrations check their credentials and scope with it. */
@RestController
@RequestMapping("/api/me")
class AccountApi {

    private final Organisation organisation;

    AccountApi(Organisation organisation) {
        this.organisation = organisation;
    }

    @GetMapping
    Me me() {
        SignedInUser user = CurrentUser.require();
        return new Me(user.getUsername(), user.displayName(), user.role().name(),
                user.streetId() == null ? null : organisation.street(user.streetId()).map(Street::name).orElse(null),
                user.teamId() == null ? null : organisation.team(user.teamId()).map(Team::name).orElse(null));
    }

    record Me(String username, String displayName, String role, String street, String team) {
    }
}
