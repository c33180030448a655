package org.minga.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stored instant reads as the one written, whichever shape it was written in. */
class StoredInstantTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-14T09:00:00Z", "2026-12-03T18:28:18.693Z", "2026-12-03T18:28:18.6Z",
            "2024-02-29T23:59:59.123456Z", "1969-12-31T23:59:59.999999999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.5Z"})
    void readsTheUsualShapeAsInstantParseDoes(String written) {
        assertThat(StoredInstant.parse(written)).isEqualTo(Instant.parse(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-14T09:00Z", "2026-03-14T09:00:00", "2026-03-14T09:00:00.Z", "2026-03-14T09:00:00.1234567890Z",
            "2026-02-29T09:00:00Z", "2026-13-01T09:00:00Z", "2026-03-14T24:00:00Z", "2026-03-14T09:00:60Z", "2026-03-14 09:00:00Z",
            "+2026-03-14T09:00:00Z", "2026-03-14T09:00:00+01:00", "2026-03-1aT09:00:00Z", ""})
    void leavesAnyOtherShapeToJackson(String written) {
        assertThat(StoredInstant.parse(written)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-12-03T18:28:18.693Z\"", "\"2026-03-14T10:00:00+01:00\"", "1773478800.5", "null"})
    void aRecordReadsItsInstantInAnyShapeJacksonReads(String at) throws Exception {
        String json = "{\"assemblyId\":\"a\",\"sequence\":3,\"at\":" + at + ",\"type\":\"StepPausedEvent\","
                + "\"messageKey\":\"StepPausedEvent\",\"arguments\":[\"@step.needs\"]}";

        HistoryRecord record = MAPPER.readValue(json, HistoryRecord.class);

        Instant expected = at.equals("null") ? null : MAPPER.copy().addMixIn(HistoryRecord.class, Object.class)
                .readValue("{\"at\":" + at + "}", At.class).at();
        assertThat(record.at()).isEqualTo(expected);
    }

    /** How Jackson alone reads an instant. */
    record At(Instant at) {
    }
}
