package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.query.HistoryEntry;

/** The JSON kept for a history is the one written for the history read now, never an older one. */
class HistoryJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HistoryJson json = new HistoryJson(MAPPER, 1 << 20);

    @Test
    void aHistoryReadsAsItsEntriesWrittenByTheMapper() throws Exception {
        List<HistoryEntry> history = entries(3, "«Camino rural» \"intransitable\"");

        assertThat(json.of("valle", "es", history)).isEqualTo(MAPPER.writeValueAsBytes(history));
        assertThat(json.of("valle", "es", history)).isEqualTo(MAPPER.writeValueAsBytes(history));
    }

    @Test
    void entriesAddedSinceAreWrittenAfterTheOnesKept() throws Exception {
        json.of("valle", "es", entries(3, "Camino"));

        List<HistoryEntry> longer = entries(5, "Camino");

        assertThat(new String(json.of("valle", "es", longer))).isEqualTo(MAPPER.writeValueAsString(longer));
    }

    @Test
    void aHistoryToldOtherwiseIsWrittenAgain() throws Exception {
        json.of("valle", "es", entries(3, "Camino"));
        json.of("valle", "en", entries(3, "Road"));

        List<HistoryEntry> rebuilt = entries(3, "Camino rural");
        List<HistoryEntry> shorter = entries(2, "Camino");

        assertThat(new String(json.of("valle", "es", rebuilt))).isEqualTo(MAPPER.writeValueAsString(rebuilt));
        assertThat(new String(json.of("valle", "es", shorter))).isEqualTo(MAPPER.writeValueAsString(shorter));
        assertThat(new String(json.of("valle", "en", entries(3, "Road")))).isEqualTo(MAPPER.writeValueAsString(entries(3, "Road")));
    }

    @Test
    void aHistoryLargerThanWhatIsKeptIsWrittenEachTime() throws Exception {
        HistoryJson small = new HistoryJson(MAPPER, 10);

        assertThat(small.of("valle", "es", entries(3, "Camino"))).isEqualTo(MAPPER.writeValueAsBytes(entries(3, "Camino")));
        assertThat(small.of("valle", "es", entries(4, "Camino"))).isEqualTo(MAPPER.writeValueAsBytes(entries(4, "Camino")));
    }

    private static List<HistoryEntry> entries(int count, String need) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new HistoryEntry(i, Instant.parse("2026-03-14T09:00:00Z").plusSeconds(i), "NeedPieceRevisedEvent", "need-revised",
                    "Mesa 1 reescribió su necesidad: «" + need + " " + i + "».", "t1", "n1", need + " " + i));
        }
        return entries;
    }
}
