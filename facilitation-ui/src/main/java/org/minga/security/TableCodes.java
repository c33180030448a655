package org.minga.security;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

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
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The short codes that let a phone act for one table. Kept beside the read models, never in the
 * event stream: a code is a key, not a fact of the assembly. Regenerating a table's code makes the
 * old one stop working at once.
 */
@Component
public class TableCodes {

    static final int LENGTH = 6;

    /** The table a code opens. */
    public record TableAccess(String assemblyId, String tableId) {
    }

    private final MongoCollection<Document> codes;

    public TableCodes(MongoDatabase database) {
        this.codes = database.getCollection("table_codes");
        oneCodePerTable();
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

    /** A new code for the table; the old one stops working at once. */
    public String regenerate(String assemblyId, String tableId) {
        codes.deleteMany(and(eq("assemblyId", assemblyId), eq("tableId", tableId)));
        return create(assemblyId, tableId);
    }

    /** The table's code, created if it has none; whoever creates it first, everyone gets the same one. */
    private String create(String assemblyId, String tableId) {
        String code = Secrets.code(LENGTH);
        try {
            codes.insertOne(new Document("_id", code).append("assemblyId", assemblyId).append("tableId", tableId));
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
        return Optional.ofNullable(found).map(d -> new TableAccess(d.getString("assemblyId"), d.getString("tableId")));
    }

    /** The codes of these tables, by table id, in one read; a table without a code gets one. */
    public Map<String, String> codesOf(String assemblyId, List<String> tableIds) {
        Map<String, String> byTable = new LinkedHashMap<>();
        codes.find(eq("assemblyId", assemblyId)).forEach(d -> byTable.put(d.getString("tableId"), d.getString("_id")));
        tableIds.forEach(tableId -> byTable.computeIfAbsent(tableId, missing -> create(assemblyId, missing)));
        return byTable;
    }
}
