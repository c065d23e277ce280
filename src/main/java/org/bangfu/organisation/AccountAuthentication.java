package org.bangfu.organisation;

import java.security.SecureRandom;
import java.util.Base64;

import org.bangfu.organisation.UserAccounts.LoginCandidate;
import org.bangfu.shared.SignedInUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in by name and password, on every path (login form, HTTP Basic). A refusal must not tell an attacker
 * whether the name exists, is locked or disabled, neither by its answer nor by its time: the password is always
 * compared (with a hash made for no one when the name has no account) before the reasons are weighed, and every
 * refusal carries the same message. Only a lock is a refusal of its own kind, and names without an account lock
 * like accounts (see {@link UserAccounts#recordFailedLogin}).
 */
class AccountAuthentication implements AuthenticationProvider {

    /** The same for every refusal: messages may reach a caller (the form's failure is kept in the session). */
    private static final String REFUSED = "Bad credentials";

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    /** Compared against when no account has the name: as costly as an account's hash, matched by no password. */
    private final String noOnesHash;

    AccountAuthentication(UserAccounts accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.noOnesHash = passwordEncoder.encode(Base64.getEncoder().encodeToString(secret));
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String presented = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        LoginCandidate candidate = accounts.loginCandidate(attempt.getName());
        SignedInUser account = candidate.account();
        boolean matches = passwordEncoder.matches(presented, account == null ? noOnesHash : account.getPassword());
        if (candidate.locked()) {
            throw new LockedException(REFUSED);
        }
        if (account == null) {
            throw new BadCredentialsException(REFUSED);
        }
        if (!account.isEnabled()) {
            throw new DisabledException(REFUSED);
        }
        if (!matches) {
            throw new BadCredentialsException(REFUSED);
        }
        var authenticated = UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
        authenticated.setDetails(attempt.getDetails());
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
