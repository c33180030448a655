package org.minga.security;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The short codes that let a phone act for one table. Kept beside the read models, never in the
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

    private final MongoCollection<Document> codes;
    private final MongoCollection<Document> closedAssemblies;
    private final Clock clock;
    private final Duration lifetime;
    private final CredentialChanges changes;

    public TableCodes(MongoDatabase database, Clock clock, CredentialChanges changes,
                      @Value("${minga.table-codes.lifetime-hours:24}") long lifetimeHours) {
        this.codes = database.getCollection("table_codes");
        this.closedAssemblies = database.getCollection("table_codes_closed_assemblies");
        this.clock = clock;
        this.changes = changes;
        this.lifetime = Duration.ofHours(lifetimeHours);
        oneCodePerTable();
        // Codes made before codes expired count from this start.
        codes.updateMany(Filters.exists("createdAt", false), Updates.set("createdAt", clock.millis()));
        sweepExpired();
    }

    /**
     * One code per table, even when the split's answer and a console reading the tables create it at
     * once. Versions before this index could leave two codes for a table: the newest is kept.
     */
    private void oneCodePerTable() {
        try {
            codes.createIndex(Indexes.ascending("assemblyId", "tableId"), new IndexOptions().unique(true));
        } catch (MongoException duplicates) {
            Set<List<String>> seen = new HashSet<>();
            List<Document> all = codes.find().into(new ArrayList<>());
            Collections.reverse(all);
            for (Document code : all) {
                if (!seen.add(List.of(code.getString("assemblyId"), code.getString("tableId")))) {
                    codes.deleteOne(eq("_id", code.get("_id")));
                }
            }
            codes.createIndex(Indexes.ascending("assemblyId", "tableId"), new IndexOptions().unique(true));
        }
    }

    /** A new code for the table; the old one stops working at once. A closed assembly has no codes. */
    public String regenerate(String assemblyId, String tableId) {
        codes.deleteMany(and(eq("assemblyId", assemblyId), eq("tableId", tableId)));
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
        closedAssemblies.replaceOne(eq("_id", assemblyId), new Document("_id", assemblyId).append("closedAt", clock.millis()),
                new ReplaceOptions().upsert(true));
        codes.deleteMany(eq("assemblyId", assemblyId));
        changes.revoked();
    }

    private boolean closed(String assemblyId) {
        return closedAssemblies.countDocuments(eq("_id", assemblyId)) > 0;
    }

    private void sweepExpired() {
        codes.deleteMany(lt("createdAt", clock.millis() - lifetime.toMillis()));
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
            codes.insertOne(new Document("_id", code).append("assemblyId", assemblyId).append("tableId", tableId)
                    .append("createdAt", clock.millis()));
            if (closed(assemblyId)) {
                // The assembly closed while this code was being made.
                codes.deleteOne(eq("_id", code));
                return null;
            }
            return code;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = codes.find(and(eq("assemblyId", assemblyId), eq("tableId", tableId))).first();
            // Taken by another table (one chance in 244 million) or removed again in between: draw anew.
            return existing != null ? existing.getString("_id") : create(assemblyId, tableId);
        }
    }

    public Optional<TableAccess> tableOf(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Document found = codes.find(eq("_id", code.strip().toUpperCase(java.util.Locale.ROOT))).first();
        if (found == null || expired(found)) {
            return Optional.empty();
        }
        return Optional.of(new TableAccess(found.getString("assemblyId"), found.getString("tableId")));
    }

    private boolean expired(Document code) {
        Long createdAt = code.getLong("createdAt");
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
        codes.find(eq("assemblyId", assemblyId)).forEach(d -> {
            if (wanted.contains(d.getString("tableId")) && !expired(d)) {
                byTable.put(d.getString("tableId"), d.getString("_id"));
            }
        });
        return byTable;
    }

    /**
     * Gives each of these tables a code unless it has one, and answers them all by table id. Safe to
     * call again and from several instances at once (the split's answer on one, a repeated split on
     * another): the unique index keeps one code per table and everyone gets that one. A closed
     * assembly gets none.
     */
    public Map<String, String> ensureCodes(String assemblyId, List<String> tableIds) {
        sweepExpired();
        Map<String, String> byTable = new LinkedHashMap<>();
        codes.find(eq("assemblyId", assemblyId)).forEach(d -> byTable.put(d.getString("tableId"), d.getString("_id")));
        tableIds.forEach(tableId -> byTable.computeIfAbsent(tableId, missing -> create(assemblyId, missing)));
        return byTable;
    }
}
