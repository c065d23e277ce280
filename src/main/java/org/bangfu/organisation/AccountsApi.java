package org.bangfu.organisation;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.bangfu.organisation.AccountAdministration.AccountChange;
import org.bangfu.organisation.AccountAdministration.AccountFilter;
import org.bangfu.organisation.AccountAdministration.AccountLine;
import org.bangfu.organisation.AccountAdministration.Colleague;
import org.bangfu.organisation.AccountAdministration.NewAccount;
import org.bangfu.organisation.OpenWork.OpenTask;
import org.bangfu.shared.Role;
import org.bangfu.shared.ApiMessages;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts for the security administrator's tools: the list with filters, one account with its open tasks and the
 * colleagues who could take them, create, edit (a move hands the open tasks over), deactivate, reactivate, reset the
 * password, unlock. Anyone else is refused with 403; so is the security administrator on their own account.
 */
@ApiMessages(accessDenied = "accounts.refused.role")
@RestController
@RequestMapping("/api/accounts")
class AccountsApi {

    private final AccountAdministration administration;

    AccountsApi(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    Page list(@RequestParam(required = false) Role role, @RequestParam(required = false) AccountStatus status,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        AccountFilter filter = new AccountFilter(role, status, q);
        int size = Math.max(1, Math.min(limit, 500));
        return new Page(administration.list(filter, Math.max(0, offset), size).stream().map(Account::of).toList(),
                administration.count(filter));
    }

    @GetMapping("/{id}")
    Account get(@PathVariable long id) {
        return Account.of(administration.get(id));
    }

    /** What a move would hand over, and to whom it could go. */
    @GetMapping("/{id}/open-tasks")
    OpenTasks openTasks(@PathVariable long id) {
        return new OpenTasks(administration.openTasks(id), administration.colleagues(id));
    }

    @PostMapping
    ResponseEntity<Account> create(@RequestBody NewAccount request) {
        UserAccount created = administration.create(request);
        return ResponseEntity.created(URI.create("/api/accounts/" + created.id()))
                .body(Account.of(administration.get(created.id())));
    }

    @PutMapping("/{id}")
    Account update(@PathVariable long id, @RequestBody AccountChange change) {
        administration.update(id, change);
        return Account.of(administration.get(id));
    }

    @PostMapping("/{id}/deactivate")
    Account deactivate(@PathVariable long id) {
        administration.deactivate(id);
        return Account.of(administration.get(id));
    }

    @PostMapping("/{id}/reactivate")
    Account reactivate(@PathVariable long id) {
        administration.reactivate(id);
        return Account.of(administration.get(id));
    }

    @PostMapping("/{id}/password-reset")
    Account resetPassword(@PathVariable long id, @RequestBody PasswordReset reset) {
        administration.resetPassword(id, reset.newPassword());
        return Account.of(administration.get(id));
    }

    @PostMapping("/{id}/unlock")
    Account unlock(@PathVariable long id) {
        administration.unlock(id);
        return Account.of(administration.get(id));
    }

    record Page(List<Account> items, int total) {
    }

    record PasswordReset(String newPassword) {
    }

    record OpenTasks(List<OpenTask> tasks, List<Colleague> colleagues) {
    }

    /** An account as the API shows it: scope by id and name, state, last sign-in (UTC, ISO-8601). */
    record Account(long id, String username, String displayName, String phone, Role role, Long streetId,
            String street, Long teamId, String team, AccountStatus status, boolean enabled, Instant lockedUntil,
            boolean mustChangePassword, int failedAttempts, Instant lastLoginAt, int version) {

        static Account of(AccountLine line) {
            UserAccount a = line.account();
            return new Account(a.id(), a.username(), a.displayName(), a.phone(), a.role(), a.streetId(),
                    line.streetName(), a.teamId(), line.teamName(), line.status(), a.enabled(), a.lockedUntil(),
                    a.mustChangePassword(), a.failedAttempts(), a.lastLoginAt(), a.version());
        }
    }
}
