package org.minga.registry.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A kind of registry record: the collection (in MongoDB) or table (through JDBC) it lives in,
 * the fields it is looked up by, and the fields no two of its records may share. A query may
 * only name the id and the lookup fields, so what works on one store works on the other and a
 * JDBC store can keep those fields in indexed columns.
 *
 * @param collection its MongoDB collection name, also its table's name
 * @param lookups    the fields queries may name, each a text or a number
 * @param uniqueKeys the sets of fields no two records may share, each made of lookups
 */
public record RecordKind(String collection, Map<String, LookupType> lookups, List<List<String>> uniqueKeys) {

    /** What a lookup field holds: a JDBC store keeps it in a column of that type. */
    public enum LookupType { TEXT, NUMBER }

    /** Names that become SQL identifiers as they are; the id, the document and the order have their own columns. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,59}");
    private static final List<String> TAKEN = List.of("id", "doc", "seq");

    public RecordKind {
        lookups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lookups));
        uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
        requireName(collection);
        lookups.keySet().forEach(field -> {
            requireName(field);
            if (TAKEN.contains(field.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("a lookup field may not be called " + field);
            }
        });
        for (List<String> key : uniqueKeys) {
            if (key.isEmpty() || !lookups.keySet().containsAll(key)) {
                throw new IllegalArgumentException("a unique key of " + collection + " is made of its lookup fields: " + key);
            }
        }
    }

    /** A kind with no lookups yet; add them with {@link #text}, {@link #number} and {@link #unique}. */
    public static RecordKind named(String collection) {
        return new RecordKind(collection, Map.of(), List.of());
    }

    public RecordKind text(String field) {
        return withLookup(field, LookupType.TEXT);
    }

    public RecordKind number(String field) {
        return withLookup(field, LookupType.NUMBER);
    }

    public RecordKind unique(String... fields) {
        List<List<String>> keys = new ArrayList<>(uniqueKeys);
        keys.add(List.of(fields));
        return new RecordKind(collection, lookups, keys);
    }

    /** Refuses a query naming a field that is neither the id nor a lookup of this kind, or comparing a text to a number. */
    void check(Match match) {
        match.fields().forEach(field -> {
            if (!field.equals(RegistryRecord.ID) && !lookups.containsKey(field)) {
                throw new IllegalArgumentException(field + " is not a lookup field of " + collection);
            }
        });
        if (match instanceof Match.All all) {
            all.parts().forEach(this::check);
        } else if (match instanceof Match.Below below && lookups.get(below.field()) != LookupType.NUMBER) {
            throw new IllegalArgumentException(below.field() + " of " + collection + " is not a number to compare");
        }
    }

    private RecordKind withLookup(String field, LookupType type) {
        Map<String, LookupType> more = new LinkedHashMap<>(lookups);
        more.put(field, type);
        return new RecordKind(collection, more, uniqueKeys);
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a usable collection or field name: " + name);
        }
    }
}
