package org.minga.security;

import java.util.Map;
import java.util.Optional;

import org.minga.registry.storage.Match;
import org.minga.registry.storage.RegistryKinds;
import org.minga.registry.storage.RegistryRecord;
import org.minga.registry.storage.RegistryStorage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Revocable read-only links: a projector link shows the board, an auditor link the history,
 * time travel, agenda and participation figures, never personal data; a public link only the
 * agenda and the assembly's heading, without participant ids. Only a hash of the link's token is
 * stored.
 */
@Component
public class ShareLinks {

    public static final String PROJECTOR = "projector";
    public static final String AUDITOR = "auditor";
    public static final String PUBLIC = "public";
    /** The page each kind of link opens. */
    private static final Map<String, String> PAGES = Map.of(PROJECTOR, "projector", AUDITOR, "audit", PUBLIC, "agenda");

    /** What a link lets its holder see. */
    public record LinkAccess(String linkId, String assemblyId, String kind) {
    }

    /** A link just created: its id and the token, which appears nowhere else in clear. */
    public record NewLink(String linkId, String token) {
    }

    private final RegistryStorage storage;
    private final CredentialChanges changes;

    public ShareLinks(RegistryStorage storage, CredentialChanges changes) {
        this.storage = storage;
        this.changes = changes;
    }

    public static boolean isKind(String kind) {
        return kind != null && PAGES.containsKey(kind);
    }

    /** The address of the page a link opens, with its token. */
    public static String pageOf(String kind, String assemblyId, String token) {
        return "/" + PAGES.get(kind) + "/" + assemblyId + "?link=" + token;
    }

    /** Whether this request came with a public link: its answers leave out everything about participants. */
    public static boolean heldByPublic(Authentication who) {
        return who != null && who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_PUBLIC"));
    }

    public NewLink create(String assemblyId, String kind) {
        String token = Secrets.token();
        String linkId = Secrets.code(10);
        storage.insert(RegistryKinds.SHARE_LINKS, RegistryRecord.withId(linkId).with("assemblyId", assemblyId).with("kind", kind)
                .with("tokenHash", Secrets.sha256(token)));
        return new NewLink(linkId, token);
    }

    /** Revoking a link also ends the board streams it has open (see {@link LiveAccess}). */
    public boolean revoke(String assemblyId, String linkId) {
        boolean revoked = linkId != null && assemblyId != null
                && storage.delete(RegistryKinds.SHARE_LINKS, Match.id(linkId).and(Match.is("assemblyId", assemblyId))) > 0;
        if (revoked) {
            changes.revoked();
        }
        return revoked;
    }

    public Optional<LinkAccess> accessOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return storage.find(RegistryKinds.SHARE_LINKS, Match.is("tokenHash", Secrets.sha256(token))).stream().findFirst()
                .map(link -> new LinkAccess(link.id(), link.text("assemblyId"), link.text("kind")));
    }
}
