package org.minga.security;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, on the login page and with HTTP Basic alike. A client (its address,
 * as the trusted gateway saw it) may give {@value #PER_CLIENT} wrong passwords a minute, for any
 * accounts; an account takes {@value #PER_ACCOUNT} wrong passwords within five minutes, from anywhere,
 * and then refuses every sign-in, the right password included, until the oldest of them is five
 * minutes old. Each attempt is reserved before BCrypt runs and given back when the password was right.
 * With several instances they all count in the same windows ({@link AttemptWindows}).
 */
@Component
public class SignInThrottle {

    static final int PER_CLIENT = 10;
    static final int PER_ACCOUNT = 10;

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    // Account-status exceptions end the sign-in at once: no other provider is asked.

    /** This client gave too many wrong passwords in the last minute. */
    public static final class ClientThrottled extends AccountStatusException {
        ClientThrottled() {
            super("too many wrong passwords from this client");
        }
    }

    /** This account took too many wrong passwords in the last five minutes. */
    public static final class AccountLocked extends AccountStatusException {
        AccountLocked() {
            super("account locked for a few minutes");
        }
    }

    private final AttemptWindow clients;
    private final AttemptWindow accounts;

    public SignInThrottle(AttemptWindows windows) {
        this.clients = windows.open("sign-in-client", PER_CLIENT, Duration.ofMinutes(1));
        this.accounts = windows.open("sign-in-account", PER_ACCOUNT, Duration.ofMinutes(5));
    }

    /** Checks passwords with {@code passwords}, counting the wrong ones. */
    AuthenticationProvider guarding(AuthenticationProvider passwords) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                return SignInThrottle.this.authenticate(passwords, attempt);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwords.supports(authentication);
            }
        };
    }

    private Authentication authenticate(AuthenticationProvider passwords, Authentication attempt) {
        String account = String.valueOf(attempt.getName()).strip().toLowerCase(Locale.ROOT);
        String client = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
        AttemptWindow.Attempt forAccount = accounts.reserve(account);
        if (forAccount == null) {
            throw new AccountLocked();
        }
        AttemptWindow.Attempt fromClient;
        try {
            fromClient = clients.reserve(client);
        } catch (RuntimeException unavailable) {
            accounts.giveBack(forAccount); // the shared store failed: not a guess
            throw unavailable;
        }
        if (fromClient == null) {
            accounts.giveBack(forAccount);
            throw new ClientThrottled();
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            if (accounts.keptWrong(forAccount)) {
                log.warn("Sign-in to account \"{}\" refused for up to {} min: {} wrong passwords (the last from {})",
                        printable(account), accounts.window().toMinutes(), PER_ACCOUNT, printable(client));
            }
            if (clients.keptWrong(fromClient)) {
                log.warn("Sign-in from {} refused for up to {} min: {} wrong passwords", printable(client),
                        clients.window().toMinutes(), PER_CLIENT);
            }
            throw wrong;
        } catch (RuntimeException other) {
            accounts.giveBack(forAccount);
            clients.giveBack(fromClient);
            throw other;
        }
        accounts.giveBack(forAccount);
        clients.giveBack(fromClient);
        return signedIn;
    }

    /** No line breaks or control characters from a request in the log. */
    private static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

}
