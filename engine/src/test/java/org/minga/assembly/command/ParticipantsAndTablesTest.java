package org.minga.assembly.command;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasItem;
import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.CREDIT;
import static org.minga.assembly.command.AssemblyTestData.NINE_AM;
import static org.minga.assembly.command.AssemblyTestData.TABLE_1;
import static org.minga.assembly.command.AssemblyTestData.TABLE_2;
import static org.minga.assembly.command.AssemblyTestData.TRAINING;
import static org.minga.assembly.command.AssemblyTestData.assemblyScheduled;
import static org.minga.assembly.command.AssemblyTestData.profile;
import static org.minga.assembly.command.AssemblyTestData.registered;
import static org.minga.assembly.command.AssemblyTestData.seatedRoom;
import static org.minga.assembly.command.AssemblyTestData.seatedRoomWith;
import static org.minga.assembly.command.AssemblyTestData.table;

import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AssemblyClosedEvent;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.AssignTableLeaderCommand;
import org.minga.assembly.api.LateParticipantSeatedEvent;
import org.minga.assembly.api.ParticipantRegisteredEvent;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RefusedException;
import org.minga.assembly.api.RegisterParticipantCommand;
import org.minga.assembly.api.SeatLateParticipantCommand;
import org.minga.assembly.api.SplitIntoTablesCommand;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.TablesFormed;
import org.minga.assembly.api.TableLeaderAssignedEvent;

class ParticipantsAndTablesTest {

    private FixtureConfiguration<Assembly> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assembly.class);
    }

    @Nested
    class Registering {

        @Test
        void registersAParticipantByOpaqueIdAndFormAttributesOnly() {
            fixture.given(assemblyScheduled())
                    .when(new RegisterParticipantCommand(ASSEMBLY, "p1", profile(" Cooperativa La Esperanza ", CREDIT)))
                    .expectEvents(new ParticipantRegisteredEvent(ASSEMBLY, "p1", profile("Cooperativa La Esperanza", CREDIT)));
        }

        @Test
        void registeringTheSameParticipantAgainAppendsNothing() {
            fixture.given(assemblyScheduled(), new ParticipantRegisteredEvent(ASSEMBLY, "p1", profile("Coop", CREDIT)))
                    .when(new RegisterParticipantCommand(ASSEMBLY, "p1", profile("Coop", CREDIT)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotReuseAParticipantIdForSomeoneElse() {
            fixture.given(assemblyScheduled(), new ParticipantRegisteredEvent(ASSEMBLY, "p1", profile("Coop", CREDIT)))
                    .when(new RegisterParticipantCommand(ASSEMBLY, "p1", profile("Otra organización", CREDIT)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PARTICIPANT_ID_TAKEN));
        }

        @Test
        void cannotPreferAnAxisTheAssemblyDoesNotHave() {
            fixture.given(assemblyScheduled())
                    .when(new RegisterParticipantCommand(ASSEMBLY, "p1", profile("Coop", "fishing")))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AXIS_UNKNOWN));
        }

        @Test
        void cannotRegisterWithoutAnOrganisation() {
            fixture.given(assemblyScheduled())
                    .when(new RegisterParticipantCommand(ASSEMBLY, "p1", profile("", null)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.FIELD_REQUIRED));
        }

        @Test
        void cannotRegisterWithAMalformedId() {
            fixture.given(assemblyScheduled())
                    .when(new RegisterParticipantCommand(ASSEMBLY, "p/1", profile("Coop", null)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.ID_INVALID));
        }

        @Test
        void cannotRegisterOnceTheAssemblyIsClosed() {
            fixture.given(assemblyScheduled(), new AssemblyClosedEvent(ASSEMBLY, NINE_AM))
                    .when(new RegisterParticipantCommand(ASSEMBLY, "p1", profile("Coop", null)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.ASSEMBLY_CLOSED));
        }

        @Test
        void cannotRegisterForAnAssemblyNobodyScheduled() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipantCommand(ASSEMBLY, "p1", profile("Coop", null)))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Splitting {

        @Test
        void splitsTheRoomIntoOneGroupPerAxisHonouringPreferences() {
            fixture.given(assemblyScheduled(),
                            new ParticipantRegisteredEvent(ASSEMBLY, "p1", profile("Coop A", TRAINING)),
                            new ParticipantRegisteredEvent(ASSEMBLY, "p2", profile("Coop B", null)),
                            new ParticipantRegisteredEvent(ASSEMBLY, "p3", profile("Coop A", CREDIT)),
                            new ParticipantRegisteredEvent(ASSEMBLY, "p4", profile("Coop C", TRAINING)))
                    .when(new SplitIntoTablesCommand(ASSEMBLY, null))
                    .expectEvents(new AssemblySplitIntoTablesEvent(ASSEMBLY, 20, List.of(
                            table(TABLE_1, CREDIT, "p2", "p3"),
                            table(TABLE_2, TRAINING, "p1", "p4"))));
        }

        @Test
        void labelsTablesInTheAssemblysLanguage() {
            AssemblyScheduledEvent es = assemblyScheduled();
            AssemblyScheduledEvent english = new AssemblyScheduledEvent(ASSEMBLY, es.title(), es.region(), es.venue(),
                    es.date(), es.horizon(), "en", es.axes(), es.rules(), es.timeboxes());
            // The event numbers the table; its label is read in the assembly's language, as a refusal names it.
            fixture.given(english, registered("p1", "Coop"))
                    .when(new SplitIntoTablesCommand(ASSEMBLY, null))
                    .expectEvents(new AssemblySplitIntoTablesEvent(ASSEMBLY, 20, List.of(
                            new TableAssignment(TABLE_1, CREDIT, 1, List.of("p1")))));
            fixture.given(english, registered("p1", "Coop"), registered("p2", "Coop"),
                            new AssemblySplitIntoTablesEvent(ASSEMBLY, 20, List.of(
                                    new TableAssignment(TABLE_1, CREDIT, 1, List.of("p1")))))
                    .when(new AssignTableLeaderCommand(ASSEMBLY, TABLE_1, "p2"))
                    .expectNoEvents()
                    .expectException(allOf(Refused.with(Refusal.TABLE_LEADER_NOT_MEMBER),
                            new FeatureMatcher<RefusedException, List<Object>>(hasItem("Table 1"), "arguments", "arguments") {
                                @Override
                                protected List<Object> featureValueOf(RefusedException refused) {
                                    return refused.arguments();
                                }
                            }));
        }

        @Test
        void aSmallerTableSizeGivesMoreTables() {
            fixture.given(assemblyScheduled(), registered("p1", "A"), registered("p2", "B"),
                            registered("p3", "C"), registered("p4", "D"), registered("p5", "E"))
                    .when(new SplitIntoTablesCommand(ASSEMBLY, 2))
                    .expectEvents(new AssemblySplitIntoTablesEvent(ASSEMBLY, 2, List.of(
                            table(TABLE_1, CREDIT, "p1", "p3"),
                            table(TABLE_2, CREDIT, "p2"),
                            table("t3", TRAINING, "p4", "p5"))));
        }

        @Test
        void splittingAgainWithTheSameSizeAppendsNothingAndAnswersTheSameTables() {
            fixture.given(seatedRoom())
                    .when(new SplitIntoTablesCommand(ASSEMBLY, 20))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new TablesFormed(List.of(table(TABLE_1, CREDIT, "p1", "p2"), table(TABLE_2, TRAINING, "p3", "p4")), "es"));
        }

        @Test
        void cannotSplitTheRoomTwice() {
            fixture.given(seatedRoom())
                    .when(new SplitIntoTablesCommand(ASSEMBLY, 10))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLES_ALREADY_SPLIT));
        }

        @Test
        void cannotSplitAnEmptyRoom() {
            fixture.given(assemblyScheduled())
                    .when(new SplitIntoTablesCommand(ASSEMBLY, null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLES_NOBODY_REGISTERED));
        }

        @Test
        void cannotSplitIntoTablesOfOne() {
            fixture.given(assemblyScheduled(), registered("p1", "Coop"))
                    .when(new SplitIntoTablesCommand(ASSEMBLY, 1))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.NUMBER_OUT_OF_RANGE));
        }
    }

    @Nested
    class SeatingLateArrivals {

        @Test
        void seatsALateArrivalAtATableOnTheAxisTheyPrefer() {
            fixture.given(seatedRoomWith(new ParticipantRegisteredEvent(ASSEMBLY, "p5", profile("Coop", TRAINING))))
                    .when(new SeatLateParticipantCommand(ASSEMBLY, "p5", null))
                    .expectEvents(new LateParticipantSeatedEvent(ASSEMBLY, "p5", TABLE_2))
                    .expectResultMessagePayload(TABLE_2);
        }

        @Test
        void seatsALateArrivalAtTheTableTheFacilitatorChooses() {
            fixture.given(seatedRoomWith(new ParticipantRegisteredEvent(ASSEMBLY, "p5", profile("Coop", TRAINING))))
                    .when(new SeatLateParticipantCommand(ASSEMBLY, "p5", TABLE_1))
                    .expectEvents(new LateParticipantSeatedEvent(ASSEMBLY, "p5", TABLE_1));
        }

        @Test
        void seatingSomeoneAlreadySeatedThereAppendsNothing() {
            fixture.given(seatedRoom())
                    .when(new SeatLateParticipantCommand(ASSEMBLY, "p1", TABLE_1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotSeatSomeoneAlreadySeatedAtAnotherTable() {
            fixture.given(seatedRoom())
                    .when(new SeatLateParticipantCommand(ASSEMBLY, "p1", TABLE_2))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PARTICIPANT_ALREADY_SEATED));
        }

        @Test
        void cannotSeatAnyoneBeforeTheSplit() {
            fixture.given(assemblyScheduled(), registered("p1", "Coop"))
                    .when(new SeatLateParticipantCommand(ASSEMBLY, "p1", null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLES_NOT_SPLIT));
        }

        @Test
        void refusesToPickATableWhenEveryTableIsFull() {
            List<Object> fullRoom = List.of(assemblyScheduled(), registered("p1", "A"), registered("p2", "B"),
                    new AssemblySplitIntoTablesEvent(ASSEMBLY, 2, List.of(table(TABLE_1, CREDIT, "p1", "p2"))),
                    registered("p3", "C"));
            fixture.given(fullRoom)
                    .when(new SeatLateParticipantCommand(ASSEMBLY, "p3", null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLES_FULL));
        }

        @Test
        void cannotSeatSomeoneWhoIsNotRegistered() {
            fixture.given(seatedRoom())
                    .when(new SeatLateParticipantCommand(ASSEMBLY, "p9", null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PARTICIPANT_UNKNOWN));
        }

        @Test
        void cannotSeatSomeoneAtATableThatDoesNotExist() {
            fixture.given(seatedRoomWith(registered("p5", "Coop")))
                    .when(new SeatLateParticipantCommand(ASSEMBLY, "p5", "t9"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_UNKNOWN));
        }
    }

    @Nested
    class Leaders {

        @Test
        void assignsAMemberToLeadTheTable() {
            fixture.given(seatedRoom())
                    .when(new AssignTableLeaderCommand(ASSEMBLY, TABLE_1, "p2"))
                    .expectEvents(new TableLeaderAssignedEvent(ASSEMBLY, TABLE_1, "p2"));
        }

        @Test
        void assigningTheSameLeaderAgainAppendsNothing() {
            fixture.given(seatedRoomWith(new TableLeaderAssignedEvent(ASSEMBLY, TABLE_1, "p2")))
                    .when(new AssignTableLeaderCommand(ASSEMBLY, TABLE_1, "p2"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotAssignALeaderFromAnotherTable() {
            fixture.given(seatedRoom())
                    .when(new AssignTableLeaderCommand(ASSEMBLY, TABLE_1, "p3"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_LEADER_NOT_MEMBER));
        }

        @Test
        void cannotAssignALeaderToAnUnknownTable() {
            fixture.given(seatedRoom())
                    .when(new AssignTableLeaderCommand(ASSEMBLY, "t9", "p1"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_UNKNOWN));
        }

        @Test
        void cannotAssignSomeoneWhoIsNotRegistered() {
            fixture.given(seatedRoom())
                    .when(new AssignTableLeaderCommand(ASSEMBLY, TABLE_1, "p9"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PARTICIPANT_UNKNOWN));
        }
    }

}
