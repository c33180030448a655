package org.minga.security;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RuleViolationException;
import org.minga.assembly.api.UnknownIdException;
import org.minga.assembly.api.TextRules;
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

    private final MongoCollection<Document> accounts;
    private final MongoCollection<Document> tokens;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SignedInSessions sessions;
    private final CredentialChanges changes;

    public Facilitators(MongoDatabase database, PasswordEncoder passwords, Clock clock, SignedInSessions sessions,
                        CredentialChanges changes,
                        @Value("${minga.facilitator.user:facilitator}") String firstUser,
                        @Value("${minga.facilitator.password:}") String firstPassword) {
        this.accounts = database.getCollection("facilitators");
        this.tokens = database.getCollection("api_tokens");
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
        tokens.updateMany(Filters.exists("expiresAt", false),
                Updates.set("expiresAt", clock.millis() + Duration.ofDays(DEFAULT_TOKEN_DAYS).toMillis()));
        for (Document token : tokens.find(Filters.exists("tokenId", false)).into(new ArrayList<>())) {
            // Of two instances starting together, the first to write names it.
            tokens.updateOne(Filters.and(eq("_id", token.get("_id")), Filters.exists("tokenId", false)),
                    Updates.set("tokenId", Secrets.code(TOKEN_ID_LENGTH)));
        }
    }

    /**
     * The configured password wins, but setting the same one again at a restart keeps everyone signed
     * in; a different one is a password reset. Without one, a first start generates and prints one.
     */
    private void ensureFirstFacilitator(String user, String password) {
        if (password != null && !password.isBlank()) {
            Document account = accounts.find(eq("_id", user)).first();
            if (account == null || !passwords.matches(password, account.getString("passwordHash"))) {
                save(user, password);
            }
        } else if (accounts.countDocuments() == 0) {
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
        boolean reset = accounts.replaceOne(eq("_id", name), new Document("_id", name).append("passwordHash", passwords.encode(password)),
                new ReplaceOptions().upsert(true)).getMatchedCount() > 0;
        if (reset) {
            endAccessOf(name);
        }
    }

    /** Removes a facilitator with their sign-ins and tokens; the last one stays, or nobody could get in. */
    public void remove(String username) {
        Document account = username == null ? null : accounts.find(eq("_id", username)).first();
        if (account == null) {
            throw new UnknownIdException("username", Refusal.FACILITATOR_UNKNOWN, String.valueOf(username));
        }
        if (accounts.countDocuments() <= 1) {
            throw new RuleViolationException(Refusal.FACILITATOR_LAST, username);
        }
        accounts.deleteOne(eq("_id", username));
        if (accounts.countDocuments() == 0) {
            // Two facilitators removed each other at the same moment: this one comes back.
            accounts.insertOne(account);
            throw new RuleViolationException(Refusal.FACILITATOR_LAST, username);
        }
        endAccessOf(username);
    }

    private void endAccessOf(String username) {
        tokens.deleteMany(eq("username", username));
        sessions.closeAllOf(username);
    }

    /** Inserts rather than upserts, so of two instances starting together on an empty database only one wins. */
    private boolean createIfAbsent(String username, String password) {
        try {
            accounts.insertOne(new Document("_id", TextRules.id("username", username)).append("passwordHash", passwords.encode(password)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public List<String> usernames() {
        return accounts.find().map(d -> d.getString("_id")).into(new java.util.ArrayList<>());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Document account = accounts.find(eq("_id", username)).first();
        if (account == null) {
            throw new UsernameNotFoundException(username);
        }
        return User.withUsername(username).password(account.getString("passwordHash")).roles(ROLE).build();
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
        tokens.deleteMany(Filters.lt("expiresAt", now.toEpochMilli()));
        String token = "minga_" + Secrets.token();
        String tokenId = Secrets.code(TOKEN_ID_LENGTH);
        Instant expiresAt = now.plus(Duration.ofDays(days));
        tokens.insertOne(new Document("_id", Secrets.sha256(token)).append("tokenId", tokenId).append("username", username)
                .append("label", label).append("createdAt", now.toString()).append("expiresAt", expiresAt.toEpochMilli()));
        return new NewToken(token, tokenId, expiresAt);
    }

    /** Whose token this is, unless it is unknown, revoked or expired. */
    public Optional<String> usernameOfToken(String token) {
        Document found = tokens.find(eq("_id", Secrets.sha256(token))).first();
        long now = clock.millis();
        if (found == null || found.getLong("expiresAt") < now) {
            return Optional.empty();
        }
        Long lastUsed = found.getLong("lastUsedAt");
        if (lastUsed == null || now - lastUsed > LAST_USED_GRAIN.toMillis()) {
            // Written at most once a minute per token, so a busy script costs no write per request.
            tokens.updateOne(eq("_id", found.get("_id")), Updates.set("lastUsedAt", now));
        }
        return Optional.of(found.getString("username"));
    }

    public List<TokenInfo> tokens() {
        return tokens.find().sort(Sorts.ascending("createdAt")).map(d -> new TokenInfo(d.getString("tokenId"), d.getString("label"),
                d.getString("username"), d.getString("createdAt") == null ? null : Instant.parse(d.getString("createdAt")),
                Instant.ofEpochMilli(d.getLong("expiresAt")),
                d.getLong("lastUsedAt") == null ? null : Instant.ofEpochMilli(d.getLong("lastUsedAt"))))
                .into(new ArrayList<>());
    }

    public boolean revokeToken(String token) {
        return revoked(tokens.deleteOne(eq("_id", Secrets.sha256(token))).getDeletedCount() > 0);
    }

    public boolean revokeTokenById(String tokenId) {
        return revoked(tokens.deleteOne(eq("tokenId", tokenId)).getDeletedCount() > 0);
    }

    private boolean revoked(boolean deleted) {
        if (deleted) {
            changes.revoked();
        }
        return deleted;
    }

    /** The stored hash of a facilitator's password, to notice a reset or a removal while a Basic stream is open. */
    Optional<String> passwordHashOf(String username) {
        return Optional.ofNullable(accounts.find(eq("_id", username)).first()).map(d -> d.getString("passwordHash"));
    }

    static List<org.springframework.security.core.GrantedAuthority> authorities() {
        return AuthorityUtils.createAuthorityList("ROLE_" + ROLE);
    }
}
