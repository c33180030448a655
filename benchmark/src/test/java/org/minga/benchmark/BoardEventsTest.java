package org.minga.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading Minga's live board: the event-stream lines, then the markers and revision in each event. */
class BoardEventsTest {

    private final List<String> received = new ArrayList<>();
    private final ServerSentEventLines lines = new ServerSentEventLines(new ServerSentEventLines.Listener() {
        @Override
        public void event(String name, String data, long receivedNanos) {
            received.add(name + "=" + data);
        }

        @Override
        public void ended(Throwable failure) {
            received.add("ended");
        }
    });

    @Test
    void linesBecomeEventsAndHeartbeatsAreSkipped() {
        List.of("event:board", "data:{\"revision\":3}", "", ":heartbeat", "", "event: table", "data: {\"a\":1,", "data:\"b\":2}", "")
                .forEach(lines::onNext);
        lines.onComplete();

        assertThat(received).containsExactly("board={\"revision\":3}", "table={\"a\":1,\n\"b\":2}", "ended");
    }

    @Test
    void aTableEventGivesItsRevisionAndTheMarkersInItsPiecesAndWorkPlans() {
        String table = "{\"revision\":42,\"version\":57,\"axisId\":\"axis0\",\"table\":{\"tableId\":\"t1\",\"revision\":7,\"pieces\":["
                + "{\"pieceId\":\"t1-n1\",\"kind\":\"need\",\"text\":\"rev-1234 Necesidad revisada\",\"solution\":null},"
                + "{\"pieceId\":\"t1-n2\",\"kind\":\"need\",\"text\":\"Necesidad 2 de la mesa t1\","
                + "\"solution\":{\"text\":\"rev-99 fondo\",\"cooperatingOrganizations\":[\"rev-5\"]},"
                + "\"workPlan\":{\"who\":[\"rev-77 Junta\",\"Alcaldía\"],\"when\":{\"from\":\"2025-02\",\"to\":\"rev-6\"}}}],"
                + "\"members\":[\"rev-8\"]}}";
        List<Long> markers = new ArrayList<>();

        long revision = BoardEventScanner.scan(table, markers::add);

        assertThat(revision).isEqualTo(42);
        assertThat(markers).containsExactly(1234L, 99L, 77L);
    }

    @Test
    void onlyATextThatStartsWithTheMarkerCarriesOne() {
        assertThat(BoardEventScanner.marker("rev-17 texto")).isEqualTo(17);
        assertThat(BoardEventScanner.marker("rev-")).isEqualTo(-1);
        assertThat(BoardEventScanner.marker("texto rev-17")).isEqualTo(-1);
    }
}
