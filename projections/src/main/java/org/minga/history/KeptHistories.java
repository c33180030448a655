package org.minga.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.minga.projections.AssemblyLog;

/**
 * The records of the histories read lately, kept in memory so that reading one again fetches
 * from the storage only the record it kept last and those stored since, not all of them again.
 *
 * <p>The storage stays the truth, whoever writes it (another instance too): a history is read
 * from memory only up to a last record the storage still holds, the same; after it, from the
 * storage. A history the storage no longer holds so (emptied for a rebuild) is read again whole.
 * Only a history whose sequences follow one another is kept, so a write seen half done (a MongoDB
 * bulk write is not atomic) is never kept with a hole in it. What it cannot tell: records before
 * the last one kept rewritten differently, which a rebuild by another version of Minga could do.
 */
final class KeptHistories {

    private final AssemblyLog<HistoryRecord> log;
    private final int recordsKept;
    /** Least recently read first. */
    private final Map<String, List<HistoryRecord>> byAssembly = new LinkedHashMap<>(16, 0.75f, true);
    private int kept;

    /** At most {@code recordsKept} records of all histories together: the ones read longest ago are let go first. */
    KeptHistories(AssemblyLog<HistoryRecord> log, int recordsKept) {
        this.log = log;
        this.recordsKept = recordsKept;
    }

    /** The assembly's records in the order of its events, as stored now. */
    List<HistoryRecord> recordsOf(String assemblyId) {
        List<HistoryRecord> known;
        synchronized (this) {
            known = byAssembly.get(assemblyId);
        }
        List<HistoryRecord> records = known == null ? null : extended(assemblyId, known);
        if (records == null) {
            records = Collections.unmodifiableList(new ArrayList<>(log.storedFrom(assemblyId, Long.MIN_VALUE).values()));
        }
        keep(assemblyId, records);
        return records;
    }

    /** The records known and those stored since; null when the storage no longer holds the last one known, the same. */
    private List<HistoryRecord> extended(String assemblyId, List<HistoryRecord> known) {
        HistoryRecord last = known.get(known.size() - 1);
        NavigableMap<Long, HistoryRecord> since = log.storedFrom(assemblyId, last.sequence());
        if (since.isEmpty() || since.firstKey() != last.sequence() || !since.firstEntry().getValue().equals(last)) {
            return null;
        }
        if (since.size() == 1) {
            return known;
        }
        List<HistoryRecord> records = new ArrayList<>(known.size() + since.size() - 1);
        records.addAll(known);
        records.addAll(since.tailMap(last.sequence(), false).values());
        return Collections.unmodifiableList(records);
    }

    private synchronized void keep(String assemblyId, List<HistoryRecord> records) {
        List<HistoryRecord> before = byAssembly.remove(assemblyId);
        kept -= before == null ? 0 : before.size();
        if (records.isEmpty() || records.size() > recordsKept || !consecutive(records)) {
            return;
        }
        byAssembly.put(assemblyId, records);
        kept += records.size();
        for (Iterator<List<HistoryRecord>> oldest = byAssembly.values().iterator(); kept > recordsKept && oldest.hasNext(); ) {
            kept -= oldest.next().size();
            oldest.remove();
        }
    }

    private static boolean consecutive(List<HistoryRecord> records) {
        long expected = records.get(0).sequence();
        for (HistoryRecord record : records) {
            if (record.sequence() != expected++) {
                return false;
            }
        }
        return true;
    }
}
