package org.minga.ui;

import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.minga.assembly.api.query.HistoryEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * A history as the JSON the answer's converter writes, kept per assembly and language: writing
 * 10,000 entries costs more than reading and telling them. The JSON kept is used only for the
 * very entries it was written from, compared each time, or for those it begins with (the entries
 * after them are written and added), so it never answers anything but the history read now.
 */
@Component
class HistoryJson {

    /**
     * Of JSON: about four histories of 10,000 entries in two languages (3.6 MB each). The entries
     * kept to compare with take about as much again.
     */
    static final int BYTES_KEPT = 32 << 20;

    private final ObjectMapper mapper;
    private final int bytesKept;
    /** Least recently written first. */
    private final Map<Key, Written> lately = new LinkedHashMap<>(16, 0.75f, true);
    private long kept;

    @Autowired
    HistoryJson(MappingJackson2HttpMessageConverter converter) {
        this(converter.getObjectMapper(), BYTES_KEPT);
    }

    HistoryJson(ObjectMapper mapper, int bytesKept) {
        this.mapper = mapper;
        this.bytesKept = bytesKept;
    }

    private record Key(String assemblyId, String language) {
    }

    private record Written(List<HistoryEntry> entries, byte[] json) {
    }

    /** The entries as a JSON array, byte for byte what the converter would write. */
    byte[] of(String assemblyId, String language, List<HistoryEntry> entries) {
        Key key = new Key(assemblyId, language);
        Written before;
        synchronized (this) {
            before = lately.get(key);
        }
        byte[] json;
        if (before != null && entries == before.entries()) {
            json = before.json();
        } else if (before == null || entries.size() < before.entries().size() || before.entries().isEmpty()
                || !entries.subList(0, before.entries().size()).equals(before.entries())) {
            json = write(entries);
        } else if (entries.size() == before.entries().size()) {
            json = before.json();
        } else {
            json = followedBy(before.json(), write(entries.subList(before.entries().size(), entries.size())));
        }
        keep(key, new Written(entries, json));
        return json;
    }

    /** "[a,b]" and "[c]" make "[a,b,c]", as Jackson writes a list without indentation. */
    private static byte[] followedBy(byte[] array, byte[] more) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream(array.length + more.length);
        joined.write(array, 0, array.length - 1);
        joined.write(',');
        joined.write(more, 1, more.length - 1);
        return joined.toByteArray();
    }

    private byte[] write(List<HistoryEntry> entries) {
        try {
            return mapper.writerFor(mapper.getTypeFactory().constructCollectionType(List.class, HistoryEntry.class))
                    .writeValueAsBytes(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a history could not be written as JSON", e);
        }
    }

    private synchronized void keep(Key key, Written written) {
        Written before = lately.remove(key);
        kept -= before == null ? 0 : before.json().length;
        if (written.json().length > bytesKept) {
            return;
        }
        lately.put(key, written);
        kept += written.json().length;
        for (Iterator<Written> oldest = lately.values().iterator(); kept > bytesKept && oldest.hasNext(); ) {
            kept -= oldest.next().json().length;
            oldest.remove();
        }
    }
}
