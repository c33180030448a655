package org.minga.assembly.command;

import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.TABLE_1;
import static org.minga.assembly.command.AssemblyTestData.TABLE_2;
import static org.minga.assembly.command.AssemblyTestData.tableOnePinnedAndPlenaryOpen;
import static org.minga.assembly.command.AssemblyTestData.tableOneReadyToPin;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.ApprovalMethod;
import org.minga.assembly.api.PinTablePuzzleCommand;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.TablePuzzlePinnedEvent;
import org.minga.assembly.api.TablePuzzleUnpinnedEvent;
import org.minga.assembly.api.UnpinTablePuzzleCommand;

/** Corrections during the day are events the audit shows, never erasures, and none after the agenda is approved. */
class CorrectionsTest {

    private FixtureConfiguration<Assembly> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assembly.class);
    }

    private static List<Object> with(List<Object> events, Object... more) {
        events.addAll(List.of(more));
        return events;
    }

    private static List<Object> tableOnePinned() {
        return with(tableOneReadyToPin(), new TablePuzzlePinnedEvent(ASSEMBLY, TABLE_1));
    }

    @Nested
    class Unpinning {

        @Test
        void aPinnedTableComesOffTheBoardWithTheReasonAndCanPinAgain() {
            fixture.given(tableOnePinned())
                    .when(new UnpinTablePuzzleCommand(ASSEMBLY, TABLE_1, "Fijó antes de revisar el plan"))
                    .expectEvents(new TablePuzzleUnpinnedEvent(ASSEMBLY, TABLE_1, "Fijó antes de revisar el plan"));
            fixture.given(with(tableOnePinned(), new TablePuzzleUnpinnedEvent(ASSEMBLY, TABLE_1, "revisar")))
                    .when(new PinTablePuzzleCommand(ASSEMBLY, TABLE_1))
                    .expectEvents(new TablePuzzlePinnedEvent(ASSEMBLY, TABLE_1));
        }

        @Test
        void aReasonIsRequired() {
            fixture.given(tableOnePinned())
                    .when(new UnpinTablePuzzleCommand(ASSEMBLY, TABLE_1, "  "))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.FIELD_REQUIRED));
        }

        @Test
        void aTableNotPinnedHasNothingToUnpin() {
            fixture.given(tableOnePinned())
                    .when(new UnpinTablePuzzleCommand(ASSEMBLY, TABLE_2, "error"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_NOT_PINNED));
        }

        @Test
        void anApprovedAgendaKeepsItsPuzzles() {
            List<Object> approved = tableOnePinnedAndPlenaryOpen();
            approved.add(new AgendaApprovedEvent(ASSEMBLY, ApprovalMethod.CONSENSUS, null, List.of()));
            fixture.given(approved)
                    .when(new UnpinTablePuzzleCommand(ASSEMBLY, TABLE_1, "error"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_APPROVED));
        }
    }
}
