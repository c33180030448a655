package org.minga.registry.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which records a query, an update or a deletion concerns: equal to a value, below a number,
 * without a value, or all of several. Only the id and a kind's lookup fields may be named.
 */
public sealed interface Match {

    /** The field holds this value (a text or a number). */
    record Equal(String field, Object value) implements Match {
        public Equal {
            if (!(value instanceof String || value instanceof Long || value instanceof Integer)) {
                throw new IllegalArgumentException(field + " can only be matched to a text or a whole number, not " + value);
            }
        }
    }

    /** The field holds a number below the bound; a record without it does not match. */
    record Below(String field, long bound) implements Match {
    }

    /** The record has no value for the field: it is missing or null. */
    record Absent(String field) implements Match {
    }

    /** Every part matches; no parts match every record. */
    record All(List<Match> parts) implements Match {
        public All {
            parts = List.copyOf(parts);
        }
    }

    static Match id(String id) {
        return new Equal(RegistryRecord.ID, id);
    }

    static Match is(String field, Object value) {
        return new Equal(field, value);
    }

    static Match below(String field, long bound) {
        return new Below(field, bound);
    }

    static Match absent(String field) {
        return new Absent(field);
    }

    static Match any() {
        return new All(List.of());
    }

    default Match and(Match other) {
        List<Match> parts = new ArrayList<>();
        parts.add(this);
        parts.add(other);
        return new All(parts);
    }

    /** The fields this match names. */
    default Stream<String> fields() {
        if (this instanceof All all) {
            return all.parts().stream().flatMap(Match::fields);
        }
        if (this instanceof Equal equal) {
            return Stream.of(equal.field());
        }
        if (this instanceof Below below) {
            return Stream.of(below.field());
        }
        return Stream.of(((Absent) this).field());
    }
}
