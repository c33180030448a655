package org.minga.security;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RuleViolationException;
import org.minga.registry.storage.DuplicateRecordException;
import org.minga.registry.storage.Match;
import org.minga.registry.storage.RecordKind;
import org.minga.registry.storage.RegistryKinds;
import org.minga.registry.storage.RegistryRecord;
import org.minga.registry.storage.RegistryStorage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The short codes that let a phone act for one table. Kept in the registry's storage, never in the
 * event stream: a code is a key, not a fact of the assembly. Regenerating a table's code makes the
 * old one stop working at once; closing the assembly deletes all its codes and no new ones are made
 * for it; and a code stops working {@code minga.table-codes.lifetime-hours} (24 by default) after it
 * was made. Codes are made when tables form and when a facilitator asks for a new one, never by
 * reading them.
 */
@Component
public class TableCodes {

    static final int LENGTH = 6;

    /** The table a code opens. */
    public record TableAccess(String assemblyId, String tableId) {
    }

    private static final RecordKind CODES = RegistryKinds.TABLE_CODES;
    private static final RecordKind CLOSED = RegistryKinds.CLOSED_ASSEMBLIES;

    private final RegistryStorage storage;
    private final Clock clock;
    private final Duration lifetime;
    private final CredentialChanges changes;

    public TableCodes(RegistryStorage storage, Clock clock, CredentialChanges changes,
                      @Value("${minga.table-codes.lifetime-hours:24}") long lifetimeHours) {
        this.storage = storage;
        this.clock = clock;
        this.changes = changes;
        this.lifetime = Duration.ofHours(lifetimeHours);
        // Codes made before codes expired count from this start.
        storage.update(CODES, Match.absent("createdAt"), Map.of("createdAt", clock.millis()));
        sweepExpired();
    }

    /** A new code for the table; the old one stops working at once. A closed assembly has no codes. */
    public String regenerate(String assemblyId, String tableId) {
        storage.delete(CODES, Match.is("assemblyId", assemblyId).and(Match.is("tableId", tableId)));
        changes.revoked();
        sweepExpired();
        String code = create(assemblyId, tableId);
        if (code == null) {
            throw new RuleViolationException(Refusal.ASSEMBLY_CLOSED);
        }
        return code;
    }

    /** Closing an assembly ends its tables' access: its codes are deleted and none are made again. */
    public void closeAssembly(String assemblyId) {
        storage.put(CLOSED, RegistryRecord.withId(assemblyId).with("closedAt", clock.millis()));
        storage.delete(CODES, Match.is("assemblyId", assemblyId));
        changes.revoked();
    }

    private boolean closed(String assemblyId) {
        return storage.get(CLOSED, assemblyId).isPresent();
    }

    private void sweepExpired() {
        storage.delete(CODES, Match.below("createdAt", clock.millis() - lifetime.toMillis()));
    }

    /**
     * The table's code, created if it has none; whoever creates it first, everyone gets the same one.
     * {@code null} for a closed assembly.
     */
    private String create(String assemblyId, String tableId) {
        if (closed(assemblyId)) {
            return null;
        }
        String code = Secrets.code(LENGTH);
        try {
            storage.insert(CODES, RegistryRecord.withId(code).with("assemblyId", assemblyId).with("tableId", tableId)
                    .with("createdAt", clock.millis()));
            if (closed(assemblyId)) {
                // The assembly closed while this code was being made.
                storage.delete(CODES, code);
                return null;
            }
            return code;
        } catch (DuplicateRecordException taken) {
            Optional<RegistryRecord> existing = storage.find(CODES, Match.is("assemblyId", assemblyId).and(Match.is("tableId", tableId)))
                    .stream().findFirst();
            // Taken by another table (one chance in 244 million) or removed again in between: draw anew.
            return existing.isPresent() ? existing.get().id() : create(assemblyId, tableId);
        }
    }

    public Optional<TableAccess> tableOf(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return storage.get(CODES, code.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(found -> !expired(found))
                .map(found -> new TableAccess(found.text("assemblyId"), found.text("tableId")));
    }

    private boolean expired(RegistryRecord code) {
        Long createdAt = code.number("createdAt");
        return createdAt != null && createdAt + lifetime.toMillis() < clock.millis();
    }

    /**
     * The codes these tables have, by table id, in one read; a table without a working code (none yet,
     * or it expired) is absent. Reading never makes a code: that is {@link #ensureCodes} when tables
     * form, or {@link #regenerate} when a facilitator asks.
     */
    public Map<String, String> codesOf(String assemblyId, List<String> tableIds) {
        Set<String> wanted = new HashSet<>(tableIds);
        Map<String, String> byTable = new LinkedHashMap<>();
        storage.find(CODES, Match.is("assemblyId", assemblyId)).forEach(code -> {
            if (wanted.contains(code.text("tableId")) && !expired(code)) {
                byTable.put(code.text("tableId"), code.id());
            }
        });
        return byTable;
    }

    /**
     * Gives each of these tables a code unless it has one, and answers them all by table id. Safe to
     * call again and from several instances at once (the split's answer on one, a repeated split on
     * another): the storage keeps one code per table ({@link RegistryKinds#TABLE_CODES}) and everyone gets that one. A closed
     * assembly gets none.
     */
    public Map<String, String> ensureCodes(String assemblyId, List<String> tableIds) {
        sweepExpired();
        Map<String, String> byTable = new LinkedHashMap<>();
        storage.find(CODES, Match.is("assemblyId", assemblyId)).forEach(code -> byTable.put(code.text("tableId"), code.id()));
        tableIds.forEach(tableId -> byTable.computeIfAbsent(tableId, missing -> create(assemblyId, missing)));
        return byTable;
    }
}
