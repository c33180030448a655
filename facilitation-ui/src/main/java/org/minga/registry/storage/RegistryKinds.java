package org.minga.registry.storage;

import java.util.List;

/**
 * The registry's kinds of records, under the collection names and field names they have always
 * had in MongoDB, so a production database keeps reading and an old embedded one can be copied
 * over collection by collection.
 */
public final class RegistryKinds {

    /** Names and contacts by assemblyId:participantId, or an erased person's tombstone. */
    public static final RecordKind PEOPLE = RecordKind.named("participant_registry").text("assemblyId");

    /** Facilitators by username, with their password's BCrypt hash. */
    public static final RecordKind FACILITATORS = RecordKind.named("facilitators");

    /** API tokens by their SHA-256. */
    public static final RecordKind API_TOKENS = RecordKind.named("api_tokens")
            .text("username").text("tokenId").number("expiresAt");

    /** Sign-ins from the login page by their cookie's SHA-256. */
    public static final RecordKind SESSIONS = RecordKind.named("facilitator_sessions")
            .text("username").number("expiresAt");

    /** Read-only links by link id, found by their token's SHA-256. */
    public static final RecordKind SHARE_LINKS = RecordKind.named("share_links")
            .text("assemblyId").text("tokenHash");

    /** Table codes by code: one per table, even when several instances make it at once. */
    public static final RecordKind TABLE_CODES = RecordKind.named("table_codes")
            .text("assemblyId").text("tableId").number("createdAt").unique("assemblyId", "tableId");

    /** Assemblies whose tables get no codes any more, by assembly id. */
    public static final RecordKind CLOSED_ASSEMBLIES = RecordKind.named("table_codes_closed_assemblies");

    public static final List<RecordKind> ALL = List.of(PEOPLE, FACILITATORS, API_TOKENS, SESSIONS, SHARE_LINKS, TABLE_CODES,
            CLOSED_ASSEMBLIES);

    private RegistryKinds() {
    }

    /** The kind kept in this collection, for an import that copies collections as they are. */
    public static RecordKind ofCollection(String collection) {
        return ALL.stream().filter(kind -> kind.collection().equals(collection)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the registry has no collection " + collection));
    }
}
