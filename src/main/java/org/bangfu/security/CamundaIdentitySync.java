package org.bangfu.security;

import java.util.UUID;

import org.bangfu.organisation.UserAccounts;
import org.bangfu.shared.Role;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Camunda's webapps look their user up in the engine's identity service: Bangfu's administrators are
 * mirrored there as members of {@code camunda-admin}, which holds every permission. Passwords stay in
 * Bangfu (the mirrored ones are random and never used: the webapps trust Bangfu's login).
 */
@Component
class CamundaIdentitySync implements ApplicationRunner {

    private final UserAccounts accounts;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    CamundaIdentitySync(UserAccounts accounts, IdentityService identityService,
            AuthorizationService authorizationService) {
        this.accounts = accounts;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdminGroup();
        for (var admin : accounts.withRole(Role.ADMIN)) {
            if (identityService.createUserQuery().userId(admin.username()).count() == 0) {
                User user = identityService.newUser(admin.username());
                user.setFirstName(admin.displayName());
                user.setLastName("");
                user.setPassword(UUID.randomUUID() + "-Aa1!");
                identityService.saveUser(user);
            }
            if (identityService.createUserQuery().userId(admin.username()).memberOfGroup(Groups.CAMUNDA_ADMIN)
                    .count() == 0) {
                identityService.createMembership(admin.username(), Groups.CAMUNDA_ADMIN);
            }
        }
    }

    private void ensureAdminGroup() {
        if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("系统管理员 Administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identityService.saveGroup(group);
        }
        for (Resources resource : Resources.values()) {
            if (authorizationService.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN)
                    .resourceType(resource).resourceId(Authorization.ANY).count() == 0) {
                Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                all.setGroupId(Groups.CAMUNDA_ADMIN);
                all.setResource(resource);
                all.setResourceId(Authorization.ANY);
                all.addPermission(Permissions.ALL);
                authorizationService.saveAuthorization(all);
            }
        }
    }
}
