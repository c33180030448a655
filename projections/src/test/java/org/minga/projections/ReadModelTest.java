package org.minga.projections;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minga.agenda.AgendaProjection;
import org.minga.board.BoardProjection;
import org.minga.history.HistoryProjection;
import org.minga.participation.ParticipationProjection;
import org.minga.roster.AssemblySummaryProjection;

/** Each read model names the processor that really keeps it, so a rebuild replays the right one. */
class ReadModelTest {

    @Test
    void everyReadModelIsKeptByItsProjectionsProcessor() {
        assertThat(ReadModel.BOARD.processor()).isEqualTo(BoardProjection.PROCESSING_GROUP);
        assertThat(ReadModel.AGENDA.processor()).isEqualTo(AgendaProjection.PROCESSING_GROUP);
        assertThat(ReadModel.PARTICIPATION.processor()).isEqualTo(ParticipationProjection.PROCESSING_GROUP);
        assertThat(ReadModel.HISTORY.processor()).isEqualTo(HistoryProjection.PROCESSING_GROUP);
        assertThat(ReadModel.ASSEMBLIES.processor()).isEqualTo(AssemblySummaryProjection.PROCESSING_GROUP);
    }

    @Test
    void theProcessorMapStillNamesEveryCollection() {
        assertThat(ReadModel.COLLECTION_OF_PROCESSOR).containsOnlyKeys("board", "agenda", "participation", "history", "assemblies");
        assertThat(ReadModel.ofProcessor("agenda")).contains(ReadModel.AGENDA);
    }
}
