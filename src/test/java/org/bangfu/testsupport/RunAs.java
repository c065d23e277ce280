package org.bangfu.testsupport;

import java.util.concurrent.Callable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Calls a facade as a signed-in demo account, the way a view or the REST API does after sign-in. */
public final class RunAs {

    private final UserDetailsService users;

    public RunAs(UserDetailsService users) {
        this.users = users;
    }

    public <T> T call(String username, Callable<T> work) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public void run(String username, Runnable work) {
        call(username, () -> {
            work.run();
            return null;
        });
    }
}
