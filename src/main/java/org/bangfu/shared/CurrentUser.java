package org.bangfu.shared;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person of the current request, as the facades see them. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<SignedInUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /**
     * Runs start-up work (seeding, migrations of data) as the district's system account, through the same
     * facades and rules as people. Never call it on behalf of a request.
     */
    public static void runAsSystem(Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        SignedInUser user = new SignedInUser("system", "系统", Role.DISTRICT, null, null, "", true, false, 0);
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(system);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * Process work (delegates, listeners): as the person whose step triggered it, or as the system account
     * when the job executor runs it.
     */
    public static void runAsUserOrSystem(Runnable work) {
        if (get().isPresent()) {
            work.run();
        } else {
            runAsSystem(work);
        }
    }

    /** Runs {@code work} signed in as {@code user} (the demo data works its steps as the demo accounts). */
    public static <T> T runAs(UserDetails user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * Goes on as {@code user}, the signed-in person with newer account state. In a request of the UI the security
     * context is the session's own, so the rest of the session goes on as {@code user} too.
     */
    public static void replace(SignedInUser user) {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication current = context.getAuthentication();
        if (current == null || !user.equals(current.getPrincipal())) {
            throw new IllegalStateException("only the signed-in person can be replaced by a newer state of themselves");
        }
        var replacement = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        replacement.setDetails(current.getDetails());
        context.setAuthentication(replacement);
    }

    /** The signed-in person, or access denied. */
    public static SignedInUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    /** The signed-in person if they hold one of the roles, else access denied. */
    public static SignedInUser requireRole(Role... roles) {
        SignedInUser user = require();
        for (Role role : roles) {
            if (user.hasRole(role)) {
                return user;
            }
        }
        throw new AccessDeniedException("role " + user.role() + " may not do this");
    }
}
