package org.minga.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RuleViolationException;
import org.minga.assembly.api.UnknownIdException;
import org.minga.assembly.api.TextRules;
import org.minga.registry.storage.DuplicateRecordException;
import org.minga.registry.storage.Match;
import org.minga.registry.storage.RecordKind;
import org.minga.registry.storage.RegistryKinds;
import org.minga.registry.storage.RegistryRecord;
import org.minga.registry.storage.RegistryStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Facilitators and their API tokens. Passwords are kept as BCrypt hashes, tokens as SHA-256
 * hashes; neither is ever stored or logged in clear, except the generated first password,
 * printed once on the console of the laptop that starts Minga for the first time.
 */
@Component
public class Facilitators implements UserDetailsService {

    static final String ROLE = "FACILITATOR";
    private static final Logger log = LoggerFactory.getLogger(Facilitators.class);
    private static final int MIN_PASSWORD = 10;
    /** BCrypt reads at most 72 bytes; a longer password would be cut, so it is refused. */
    private static final int MAX_PASSWORD_BYTES = 72;
    static final int DEFAULT_TOKEN_DAYS = 90;
    static final int MAX_TOKEN_DAYS = 365;
    private static final int TOKEN_ID_LENGTH = 10;
    private static final Duration LAST_USED_GRAIN = Duration.ofMinutes(1);

    private static final RecordKind FACILITATORS = RegistryKinds.FACILITATORS;
    private static final RecordKind API_TOKENS = RegistryKinds.API_TOKENS;

    private final RegistryStorage storage;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SignedInSessions sessions;
    private final CredentialChanges changes;

    public Facilitators(RegistryStorage storage, PasswordEncoder passwords, Clock clock, SignedInSessions sessions,
                        CredentialChanges changes,
                        @Value("${minga.facilitator.user:facilitator}") String firstUser,
                        @Value("${minga.facilitator.password:}") String firstPassword) {
        this.storage = storage;
        this.passwords = passwords;
        this.clock = clock;
        this.sessions = sessions;
        this.changes = changes;
        giveOlderTokensAnIdAndAnExpiry();
        ensureFirstFacilitator(firstUser, firstPassword);
    }

    /** Whether this request comes from a signed-in facilitator (login, Basic or token), not a table code or a link. */
    public static boolean isFacilitator(Authentication who) {
        return who != null && who.getAuthorities().stream().anyMatch(a -> ("ROLE_" + ROLE).equals(a.getAuthority()));
    }

    /**
     * Tokens made before tokens expired have neither an id to list and revoke them by nor an expiry:
     * they get an id, and keep working for {@value #DEFAULT_TOKEN_DAYS} days from the first start
     * of this version rather than dying at once (or never).
     */
    private void giveOlderTokensAnIdAndAnExpiry() {
        storage.update(API_TOKENS, Match.absent("expiresAt"),
                Map.of("expiresAt", clock.millis() + Duration.ofDays(DEFAULT_TOKEN_DAYS).toMillis()));
        for (RegistryRecord token : storage.find(API_TOKENS, Match.absent("tokenId"))) {
            // Of two instances starting together, the first to write names it.
            storage.update(API_TOKENS, Match.id(token.id()).and(Match.absent("tokenId")), Map.of("tokenId", Secrets.code(TOKEN_ID_LENGTH)));
        }
    }

    /**
     * The configured password wins, but setting the same one again at a restart keeps everyone signed
     * in; a different one is a password reset. Without one, a first start generates and prints one.
     */
    private void ensureFirstFacilitator(String user, String password) {
        if (password != null && !password.isBlank()) {
            Optional<String> hash = passwordHashOf(user);
            if (hash.isEmpty() || !passwords.matches(password, hash.get())) {
                save(user, password);
            }
        } else if (storage.count(FACILITATORS) == 0) {
            String generated = Secrets.code(16);
            if (!createIfAbsent(user, generated)) {
                return; // another instance starting at the same moment created it, and printed its password
            }
            String banner = "\n=====================================================================\n"
                    + " Minga: first facilitator \"" + user + "\", password " + generated + "\n"
                    + " Shown only now. Set MINGA_FACILITATOR_PASSWORD to choose your own.\n"
                    + "=====================================================================";
            System.out.println(banner);
            log.info("Created the first facilitator '{}' with a generated password (printed once on the console)", user);
        }
    }

    /**
     * Adds a facilitator, or sets a new password for one. A new password is a reset: whoever signed in
     * or made tokens with the old one (perhaps not the facilitator) loses that access at once.
     */
    public void save(String username, String password) {
        String name = TextRules.id("username", username);
        int bytes = password == null ? 0 : password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (password == null || password.length() < MIN_PASSWORD || bytes > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("password", Refusal.NUMBER_OUT_OF_RANGE, password == null ? 0 : password.length(),
                    MIN_PASSWORD, MAX_PASSWORD_BYTES);
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("password", Refusal.TEXT_CONTROL_CHARACTERS);
        }
        boolean reset = storage.put(FACILITATORS, RegistryRecord.withId(name).with("passwordHash", passwords.encode(password)));
        if (reset) {
            endAccessOf(name);
        }
    }

    /** Removes a facilitator with their sign-ins and tokens; the last one stays, or nobody could get in. */
    public void remove(String username) {
        RegistryRecord account = username == null ? null : storage.get(FACILITATORS, username).orElse(null);
        if (account == null) {
            throw new UnknownIdException("username", Refusal.FACILITATOR_UNKNOWN, String.valueOf(username));
        }
        if (storage.count(FACILITATORS) <= 1) {
            throw new RuleViolationException(Refusal.FACILITATOR_LAST, username);
        }
        storage.delete(FACILITATORS, username);
        if (storage.count(FACILITATORS) == 0) {
            // Two facilitators removed each other at the same moment: this one comes back.
            storage.insert(FACILITATORS, account);
            throw new RuleViolationException(Refusal.FACILITATOR_LAST, username);
        }
        endAccessOf(username);
    }

    private void endAccessOf(String username) {
        storage.delete(API_TOKENS, Match.is("username", username));
        sessions.closeAllOf(username);
    }

    /** Inserts rather than upserts, so of two instances starting together on an empty database only one wins. */
    private boolean createIfAbsent(String username, String password) {
        try {
            storage.insert(FACILITATORS, RegistryRecord.withId(TextRules.id("username", username))
                    .with("passwordHash", passwords.encode(password)));
            return true;
        } catch (DuplicateRecordException taken) {
            return false;
        }
    }

    public List<String> usernames() {
        return storage.all(FACILITATORS).stream().map(RegistryRecord::id).toList();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String hash = passwordHashOf(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(username).password(hash).roles(ROLE).build();
    }

    /** A stored token as facilitators may see it: never the token, nor its hash. */
    public record TokenInfo(String tokenId, String label, String username, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    }

    /** A token just made: the token itself appears only here. */
    public record NewToken(String token, String tokenId, Instant expiresAt) {
    }

    /** A new API token for scripts, good for {@code expiresInDays} (1 to 365, {@value #DEFAULT_TOKEN_DAYS} if not given). */
    public NewToken newToken(String username, String label, Integer expiresInDays) {
        int days = expiresInDays == null ? DEFAULT_TOKEN_DAYS : expiresInDays;
        if (days < 1 || days > MAX_TOKEN_DAYS) {
            throw new InvalidInputException("expiresInDays", Refusal.NUMBER_OUT_OF_RANGE, days, 1, MAX_TOKEN_DAYS);
        }
        Instant now = clock.instant();
        storage.delete(API_TOKENS, Match.below("expiresAt", now.toEpochMilli()));
        String token = "minga_" + Secrets.token();
        String tokenId = Secrets.code(TOKEN_ID_LENGTH);
        Instant expiresAt = now.plus(Duration.ofDays(days));
        storage.insert(API_TOKENS, RegistryRecord.withId(Secrets.sha256(token)).with("tokenId", tokenId).with("username", username)
                .with("label", label).with("createdAt", now.toString()).with("expiresAt", expiresAt.toEpochMilli()));
        return new NewToken(token, tokenId, expiresAt);
    }

    /** Whose token this is, unless it is unknown, revoked or expired. */
    public Optional<String> usernameOfToken(String token) {
        RegistryRecord found = token == null ? null : storage.get(API_TOKENS, Secrets.sha256(token)).orElse(null);
        long now = clock.millis();
        if (found == null || found.number("expiresAt") < now) {
            return Optional.empty();
        }
        Long lastUsed = found.number("lastUsedAt");
        if (lastUsed == null || now - lastUsed > LAST_USED_GRAIN.toMillis()) {
            // Written at most once a minute per token, so a busy script costs no write per request.
            storage.update(API_TOKENS, Match.id(found.id()), Map.of("lastUsedAt", now));
        }
        return Optional.of(found.text("username"));
    }

    public List<TokenInfo> tokens() {
        return storage.all(API_TOKENS).stream().map(d -> new TokenInfo(d.text("tokenId"), d.text("label"),
                        d.text("username"), d.text("createdAt") == null ? null : Instant.parse(d.text("createdAt")),
                        Instant.ofEpochMilli(d.number("expiresAt")),
                        d.number("lastUsedAt") == null ? null : Instant.ofEpochMilli(d.number("lastUsedAt"))))
                // Oldest first; a token from before creation times were kept comes first, as MongoDB sorted it.
                .sorted(Comparator.comparing(TokenInfo::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    public boolean revokeToken(String token) {
        return revoked(token != null && storage.delete(API_TOKENS, Secrets.sha256(token)));
    }

    public boolean revokeTokenById(String tokenId) {
        return revoked(tokenId != null && storage.delete(API_TOKENS, Match.is("tokenId", tokenId)) > 0);
    }

    private boolean revoked(boolean deleted) {
        if (deleted) {
            changes.revoked();
        }
        return deleted;
    }

    /** The stored hash of a facilitator's password, to notice a reset or a removal while a Basic stream is open. */
    Optional<String> passwordHashOf(String username) {
        return username == null ? Optional.empty() : storage.get(FACILITATORS, username).map(account -> account.text("passwordHash"));
    }

    static List<org.springframework.security.core.GrantedAuthority> authorities() {
        return AuthorityUtils.createAuthorityList("ROLE_" + ROLE);
    }
}
