package org.minga.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing the benchmark measured (the live room, the start, and later raw appends or a board
 * rebuild): its figures by key, plus details that are not single numbers (errors by status) and
 * notes on how to read them. A report holds several, each built by its own code.
 */
public record Measurement(String title, Map<String, Figure> figures, Map<String, Object> details, List<String> notes) {

    public boolean missedAnyTarget() {
        return figures.values().stream().anyMatch(Figure::missed);
    }

    /** Collects figures in the order they should be read. */
    public static final class Builder {

        private final String title;
        private final Map<String, Figure> figures = new LinkedHashMap<>();
        private final Map<String, Object> details = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        public Builder(String title) {
            this.title = title;
        }

        public Builder figure(String key, Figure figure) {
            figures.put(key, figure);
            return this;
        }

        public Builder detail(String key, Object value) {
            details.put(key, value);
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public Measurement build() {
            return new Measurement(title, new LinkedHashMap<>(figures),
                    new LinkedHashMap<>(details), List.copyOf(notes));
        }
    }
}
