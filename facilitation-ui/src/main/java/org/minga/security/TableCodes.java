package org.minga.security;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
    }

    public String regenerate(String assemblyId, String tableId) {
        codes.deleteMany(and(eq("assemblyId", assemblyId), eq("tableId", tableId)));
        String code = Secrets.code(LENGTH);
        codes.insertOne(new Document("_id", code).append("assemblyId", assemblyId).append("tableId", tableId));
        return code;
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
        tableIds.forEach(tableId -> byTable.computeIfAbsent(tableId, missing -> regenerate(assemblyId, missing)));
        return byTable;
    }
}
