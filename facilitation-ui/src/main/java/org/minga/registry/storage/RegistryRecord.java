package org.minga.registry.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record, shaped as the MongoDB document it has always been: its id under {@value #ID} and
 * its fields by the same names. Values are texts, booleans, whole numbers (an {@link Integer}
 * stays an Integer, a {@link Long} a Long: times are epoch milliseconds in Longs), doubles,
 * {@link java.util.Date}s, lists and nested maps of those, or null; both stores give each back
 * as the type it was written with. Immutable: {@link #with} answers a new record.
 */
public final class RegistryRecord {

    public static final String ID = "_id";

    private final Map<String, Object> fields;

    private RegistryRecord(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static RegistryRecord withId(String id) {
        if (id == null) {
            throw new IllegalArgumentException("a record needs an id");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(ID, id);
        return new RegistryRecord(fields);
    }

    /** A record from a document as a store or an import holds it; its {@value #ID} must be a text. */
    public static RegistryRecord of(Map<String, ?> document) {
        if (!(document.get(ID) instanceof String)) {
            throw new IllegalArgumentException("a registry record's " + ID + " is a text, not " + document.get(ID));
        }
        return new RegistryRecord(new LinkedHashMap<>(document));
    }

    public RegistryRecord with(String field, Object value) {
        if (ID.equals(field)) {
            throw new IllegalArgumentException("a record keeps its id");
        }
        Map<String, Object> more = new LinkedHashMap<>(fields);
        more.put(field, value);
        return new RegistryRecord(more);
    }

    public String id() {
        return (String) fields.get(ID);
    }

    public boolean has(String field) {
        return fields.get(field) != null;
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public String text(String field) {
        return (String) fields.get(field);
    }

    /** A whole number, whether it was stored as an Integer or a Long; null if absent. */
    public Long number(String field) {
        Object value = fields.get(field);
        return value == null ? null : ((Number) value).longValue();
    }

    /** A boolean, false if absent. */
    public boolean flag(String field) {
        return Boolean.TRUE.equals(fields.get(field));
    }

    /** Every field, the id first. */
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistryRecord record && record.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields);
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
