package org.minga.security;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.command.TextRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

    private final MongoCollection<Document> accounts;
    private final MongoCollection<Document> tokens;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public Facilitators(MongoDatabase database, PasswordEncoder passwords, Clock clock,
                        @Value("${minga.facilitator.user:facilitator}") String firstUser,
                        @Value("${minga.facilitator.password:}") String firstPassword) {
        this.accounts = database.getCollection("facilitators");
        this.tokens = database.getCollection("api_tokens");
        this.passwords = passwords;
        this.clock = clock;
        ensureFirstFacilitator(firstUser, firstPassword);
    }

    /** The configured password always wins; without one, a first start generates and prints one. */
    private void ensureFirstFacilitator(String user, String password) {
        if (password != null && !password.isBlank()) {
            save(user, password);
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

    /** Adds a facilitator, or sets a new password for one. */
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
        accounts.replaceOne(eq("_id", name), new Document("_id", name).append("passwordHash", passwords.encode(password)),
                new ReplaceOptions().upsert(true));
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

    /** A new API token for scripts; the answer is the only place the token appears in clear. */
    public String newToken(String username, String label) {
        String token = "minga_" + Secrets.token();
        tokens.insertOne(new Document("_id", Secrets.sha256(token)).append("username", username)
                .append("label", label).append("createdAt", clock.instant().toString()));
        return token;
    }

    public Optional<String> usernameOfToken(String token) {
        return Optional.ofNullable(tokens.find(eq("_id", Secrets.sha256(token))).first()).map(d -> d.getString("username"));
    }

    public boolean revokeToken(String token) {
        return tokens.deleteOne(eq("_id", Secrets.sha256(token))).getDeletedCount() > 0;
    }

    static List<org.springframework.security.core.GrantedAuthority> authorities() {
        return AuthorityUtils.createAuthorityList("ROLE_" + ROLE);
    }
}
