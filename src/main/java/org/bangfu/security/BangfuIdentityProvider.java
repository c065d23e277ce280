package org.bangfu.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bangfu.organisation.UserAccount;
import org.bangfu.organisation.UserAccounts;
import org.bangfu.shared.Role;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Camunda's identity, read-only over Bangfu's accounts: its users are Bangfu's accounts (the display name as first
 * name), its groups Bangfu's roles ({@code camunda-admin} for the administrators, as Camunda's authorizations expect,
 * and {@code security}, {@code auditor}, {@code district}, … as {@link SpringSecurityCamundaAuthentication} names them),
 * and it has no tenants. Accounts are created and managed in Bangfu only, by the security administrator: with a
 * read-only identity, Camunda Admin offers no "Add user" (nor group, tenant, membership) and {@code /engine-rest}
 * refuses {@code user/create} and the like with 403. Passwords are never checked here: Bangfu signs everyone in.
 */
@Component
class BangfuIdentityProvider extends AbstractProcessEnginePlugin {

    private static final String WORKFLOW = "WORKFLOW";

    private final UserAccounts accounts;
    private final MessageSource messages;

    BangfuIdentityProvider(UserAccounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new Provider();
            }
        });
    }

    /** The Camunda group of a role. */
    static String groupOf(Role role) {
        return role == Role.ADMIN ? Groups.CAMUNDA_ADMIN : role.name().toLowerCase(Locale.ROOT);
    }

    private Group group(Role role) {
        GroupEntity group = new GroupEntity(groupOf(role));
        group.setName(messages.getMessage("role." + role.name(), null, role.name(), Locale.SIMPLIFIED_CHINESE));
        group.setType(role == Role.ADMIN ? Groups.GROUP_TYPE_SYSTEM : WORKFLOW);
        return group;
    }

    private static User user(UserAccount account) {
        UserEntity user = new UserEntity(account.username());
        user.setFirstName(account.displayName());
        user.setLastName("");
        return user;
    }

    private List<UserAccount> candidates(String id, String[] ids) {
        if (id != null) {
            return accounts.find(id).stream().toList();
        }
        List<UserAccount> all = accounts.directory();
        if (ids != null) {
            List<String> wanted = Arrays.asList(ids);
            return all.stream().filter(a -> wanted.contains(a.username())).toList();
        }
        return all;
    }

    /** Camunda's {@code like} patterns ({@code %} any run) as a predicate. */
    private static Predicate<String> like(String pattern) {
        if (pattern == null) {
            return value -> true;
        }
        Pattern regex = Pattern.compile(Arrays.stream(pattern.split("%", -1)).map(Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse(""), Pattern.DOTALL);
        return value -> value != null && regex.matcher(value).matches();
    }

    private static <T> List<T> page(Stream<T> results, Page page) {
        Stream<T> paged = results;
        if (page != null) {
            paged = paged.skip(page.getFirstResult()).limit(page.getMaxResults());
        }
        return paged.toList();
    }

    private class Provider implements ReadOnlyIdentityProvider {

        @Override
        public User findUserById(String userId) {
            return accounts.find(userId).map(BangfuIdentityProvider::user).orElse(null);
        }

        @Override
        public UserQuery createUserQuery() {
            return new Users();
        }

        @Override
        public UserQuery createUserQuery(CommandContext commandContext) {
            return new Users();
        }

        /** Bangfu's accounts are no tables of Camunda's, so SQL against them has nothing to run on: a 400 over REST. */
        @Override
        public NativeUserQuery createNativeUserQuery() {
            throw new BadUserRequestException("Native user queries are not supported: Camunda's users are Bangfu's "
                    + "accounts; use a user query");
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            // Bangfu signs people in (AccountAuthentication), never Camunda
            return false;
        }

        @Override
        public Group findGroupById(String groupId) {
            return Arrays.stream(Role.values()).filter(r -> groupOf(r).equals(groupId)).findFirst()
                    .map(BangfuIdentityProvider.this::group).orElse(null);
        }

        @Override
        public GroupQuery createGroupQuery() {
            return new Groups_();
        }

        @Override
        public GroupQuery createGroupQuery(CommandContext commandContext) {
            return new Groups_();
        }

        @Override
        public Tenant findTenantById(String tenantId) {
            return null;
        }

        @Override
        public TenantQuery createTenantQuery() {
            return new Tenants();
        }

        @Override
        public TenantQuery createTenantQuery(CommandContext commandContext) {
            return new Tenants();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private class Users extends UserQueryImpl {

        Users() {
            super(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching().count();
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return page(matching().sorted(Comparator.comparing(UserAccount::username))
                    .map(BangfuIdentityProvider::user), page);
        }

        private Stream<UserAccount> matching() {
            if (email != null || emailLike != null || tenantId != null || procDefId != null
                    || lastName != null && !lastName.isEmpty()) {
                return Stream.empty();
            }
            Predicate<String> firstNameLikes = like(firstNameLike);
            Predicate<String> lastNameLikes = like(lastNameLike);
            return candidates(id, ids).stream()
                    .filter(a -> firstName == null || firstName.equals(a.displayName()))
                    .filter(a -> firstNameLikes.test(a.displayName()))
                    .filter(a -> lastNameLikes.test(""))
                    .filter(a -> groupId == null || groupOf(a.role()).equals(groupId));
        }
    }

    private class Groups_ extends GroupQueryImpl {

        Groups_() {
            super(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching().count();
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return page(matching().sorted(Comparator.comparing(Group::getId)), page);
        }

        private Stream<Group> matching() {
            if (tenantId != null || procDefId != null) {
                return Stream.empty();
            }
            List<Role> roles = new ArrayList<>(Arrays.asList(Role.values()));
            if (userId != null) {
                roles = accounts.find(userId).map(a -> List.of(a.role())).orElse(List.of());
            }
            Predicate<String> nameLikes = like(nameLike);
            List<String> wanted = ids == null ? null : Arrays.asList(ids);
            return roles.stream().map(BangfuIdentityProvider.this::group)
                    .filter(g -> id == null || id.equals(g.getId()))
                    .filter(g -> wanted == null || wanted.contains(g.getId()))
                    .filter(g -> name == null || name.equals(g.getName()))
                    .filter(g -> nameLikes.test(g.getName()))
                    .filter(g -> type == null || type.equals(g.getType()));
        }
    }

    /** Bangfu has no tenants. */
    private static class Tenants extends TenantQueryImpl {

        Tenants() {
            super(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }
}
