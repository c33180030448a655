package org.minga.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.TableLabels;
import org.minga.assembly.api.query.FindHistoryQuery;
import org.minga.assembly.api.query.HistoryEntries;
import org.minga.assembly.api.query.HistoryEntry;
import org.minga.projections.AssemblyEvent;
import org.minga.projections.AssemblyLog;
import org.minga.projections.BatchWrites;
import org.minga.projections.ReadModel;
import org.minga.projections.ReadModelStorage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Keeps every event of every assembly, one record each, in the {@code history} log. */
@Component
@ProcessingGroup(HistoryProjection.PROCESSING_GROUP)
public class HistoryProjection {

    public static final String PROCESSING_GROUP = "history";
    /** About 50 MB (store-deep's 10,000 records took about 10 MB): five histories of 10,000 events, or a few hundred ordinary ones. */
    static final int RECORDS_KEPT = 50_000;

    private final AssemblyLog<HistoryRecord> history;
    private final KeptHistories kept;
    /** The entries last told per assembly and language, with the records told (the same records tell the same); least recently read first. */
    private final Map<Told, Telling> told = new LinkedHashMap<>(16, 0.75f, true);
    private final int entriesKept;
    private int entriesTold;

    private record Told(String assemblyId, String language) {
    }

    private record Telling(List<HistoryRecord> records, HistoryEntries entries) {
    }

    @Autowired
    public HistoryProjection(ReadModelStorage storage) {
        this(storage, RECORDS_KEPT);
    }

    HistoryProjection(ReadModelStorage storage, int recordsKept) {
        this.history = storage.openLog(ReadModel.HISTORY.collection(), HistoryRecord.class);
        this.kept = new KeptHistories(history, recordsKept);
        this.entriesKept = recordsKept;
    }

    /** Kept by assembly and sequence, so a redelivered event overwrites itself. */
    @EventHandler
    void on(DomainEventMessage<?> message) {
        HistoryRecord record = HistorySentences.record(AssemblyEvent.of(message));
        if (message.getPayload() instanceof AssemblyScheduledEvent scheduled) {
            record = record.withLanguage(scheduled.language());
        }
        history.append(record.assemblyId(), record.sequence(), record);
    }

    @QueryHandler
    public HistoryEntries handle(FindHistoryQuery query) {
        // Inside a batch of events (never so far) what it appended counts, and is not stored yet: nothing kept then.
        if (BatchWrites.current().isPresent()) {
            return tell(history.recordsOf(query.assemblyId()), query.language());
        }
        List<HistoryRecord> records = kept.recordsOf(query.assemblyId());
        Told key = new Told(query.assemblyId(), query.language());
        Telling before;
        synchronized (told) {
            before = told.get(key);
        }
        // The same records, not merely equal ones: kept, they are the same list until a record is added.
        if (before != null && before.records() == records) {
            return before.entries();
        }
        HistoryEntries entries = tell(records, query.language());
        remember(key, new Telling(records, entries));
        return entries;
    }

    /** At most as many entries as records are kept, so that what is told keeps no more records alive than that either. */
    private void remember(Told key, Telling telling) {
        synchronized (told) {
            Telling before = told.remove(key);
            entriesTold -= before == null ? 0 : before.records().size();
            if (telling.records().size() > entriesKept) {
                return;
            }
            told.put(key, telling);
            entriesTold += telling.records().size();
            for (Iterator<Telling> oldest = told.values().iterator(); entriesTold > entriesKept && oldest.hasNext(); ) {
                entriesTold -= oldest.next().records().size();
                oldest.remove();
            }
        }
    }

    private static HistoryEntries tell(List<HistoryRecord> records, String language) {
        Locale locale = language == null ? Locale.ROOT : Locale.forLanguageTag(language);
        Map<String, String> labels = tableLabels(records);
        // Each need as last written up to the record being told, so a withdrawal names what was withdrawn.
        Map<String, String> needs = new HashMap<>();
        HistorySentences.Teller teller = HistorySentences.in(locale);
        List<HistoryEntry> entries = new ArrayList<>(records.size());
        for (HistoryRecord r : records) {
            String written = HistorySentences.needWritten(r);
            if (written != null) {
                needs.put(r.pieceId(), written);
            }
            entries.add(new HistoryEntry(r.sequence(), r.at(), r.type(), HistoryKind.ofType(r.type()).code(), teller.sentence(r, labels, needs),
                    r.tableId(), r.pieceId(), r.pieceId() == null ? null : needs.get(r.pieceId())));
        }
        return new HistoryEntries(entries);
    }

    /**
     * Each table's label: derived from its number in the assembly's language (Spanish when its
     * scheduling record kept none), or the label itself on a split recorded before tables had numbers.
     */
    private static Map<String, String> tableLabels(List<HistoryRecord> records) {
        String language = records.stream().map(HistoryRecord::language).filter(Objects::nonNull).findFirst().orElse(null);
        Map<String, String> labels = new HashMap<>();
        for (HistoryRecord r : records) {
            labels.putAll(r.tableLabels());
            r.tableNumbers().forEach((tableId, number) -> labels.put(tableId, TableLabels.label(language, number)));
        }
        return labels;
    }
}
