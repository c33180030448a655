package org.minga.assembly.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.NINE_AM;
import static org.minga.assembly.command.AssemblyTestData.profile;
import static org.minga.assembly.command.AssemblyTestData.scheduleAssembly;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.wire.AssemblyRepositoryWiring;
import org.minga.assembly.api.AddNeedPieceCommand;
import org.minga.assembly.api.NeedPieceAddedEvent;
import org.minga.assembly.api.NeedPieceWithdrawnEvent;
import org.minga.assembly.api.OpenStepCommand;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RegisterParticipantCommand;
import org.minga.assembly.api.RuleViolationException;
import org.minga.assembly.api.SplitIntoTablesCommand;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.WithdrawNeedPieceCommand;

/**
 * With Axon Server, the instance that handles an assembly's commands changes when instances come
 * and go: here two command handlers ("instances") share one event store and the assembly moves
 * from the first to the second and back. With the production setting
 * ({@code minga.commands.keep-assemblies-loaded=false}) the first one, given the assembly back,
 * sees what the second one did; with the laptop's cache it acts on its old copy, which is why the
 * cache is only for an instance that is the only writer.
 */
class AssemblyMovingBetweenInstancesTest {

    /** The event store both instances append to; like Axon Server, it refuses a sequence number taken. */
    private final JdbcDataSource sharedStore = new JdbcDataSource();
    private Configuration first;
    private Configuration second;

    @AfterEach
    void stopBoth() throws SQLException {
        first.shutdown();
        second.shutdown();
        try (Connection connection = sharedStore.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void anAssemblyMovedAwayAndBackIsHandledOnWhatTheOtherInstanceDid() {
        startBoth(false);
        tableOneFullOnTheFirstInstance();

        // The assembly moves: the second instance withdraws one of table 1's two needs...
        second.commandGateway().sendAndWait(new WithdrawNeedPieceCommand(ASSEMBLY, "t1", "n2"));
        // ...and back on the first one, table 1 has room for a need again.
        first.commandGateway().sendAndWait(new AddNeedPieceCommand(ASSEMBLY, "t1", "n3", "Caminos veredales"));
        // A change made there again is seen here, whatever the instance that wrote it.
        second.commandGateway().sendAndWait(new AddNeedPieceCommand(ASSEMBLY, "t2", "n4", "Agua potable"));
        first.commandGateway().sendAndWait(new AddNeedPieceCommand(ASSEMBLY, "t2", "n5", "Semillas nativas"));

        assertThat(changesOfTheNeeds()).containsExactly("added n1", "added n2", "withdrawn n2", "added n3", "added n4", "added n5");
        assertThat(sequences()).isEqualTo(LongStream.range(0, sequences().size()).boxed().toList());
    }

    @Test
    void withTheLaptopsCacheTheFirstInstanceWouldActOnItsOldCopy() {
        startBoth(true);
        tableOneFullOnTheFirstInstance();
        second.commandGateway().sendAndWait(new WithdrawNeedPieceCommand(ASSEMBLY, "t1", "n2"));

        // The old copy still has two needs on table 1: a refusal that no longer holds, and nothing reveals it.
        assertThatThrownBy(() -> first.commandGateway().sendAndWait(new AddNeedPieceCommand(ASSEMBLY, "t1", "n3", "Caminos veredales")))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(Refusal.TABLE_NEEDS_LIMIT));
        // Axon forgets a copy whose command failed: the first instance loads afresh and appends...
        first.commandGateway().sendAndWait(new AddNeedPieceCommand(ASSEMBLY, "t1", "n3", "Caminos veredales"));
        // ...which outdates the second one's copy: a change that passes that copy's rules collides.
        assertThatThrownBy(() -> second.commandGateway().sendAndWait(new AddNeedPieceCommand(ASSEMBLY, "t2", "n4", "Agua potable")))
                // (Axon Server answers AXONIQ-2000, "Invalid sequence number", to the same append.)
                .isInstanceOf(EventStoreException.class).hasMessageContaining("was already inserted");
        assertThat(changesOfTheNeeds()).containsExactly("added n1", "added n2", "withdrawn n2", "added n3");
    }

    private void tableOneFullOnTheFirstInstance() {
        CommandGateway commands = first.commandGateway();
        commands.sendAndWait(scheduleAssembly());
        for (int i = 1; i <= 4; i++) {
            commands.sendAndWait(new RegisterParticipantCommand(ASSEMBLY, "p" + i, profile("Organización " + i, null)));
        }
        commands.sendAndWait(new SplitIntoTablesCommand(ASSEMBLY, null));
        commands.sendAndWait(new OpenStepCommand(ASSEMBLY, Step.NEEDS, NINE_AM, null));
        commands.sendAndWait(new AddNeedPieceCommand(ASSEMBLY, "t1", "n1", "Crédito para mujeres rurales"));
        commands.sendAndWait(new AddNeedPieceCommand(ASSEMBLY, "t1", "n2", "Formación en contabilidad"));
    }

    private List<String> changesOfTheNeeds() {
        return first.eventStore().readEvents(ASSEMBLY).asStream()
                .map(message -> message.getPayload() instanceof NeedPieceAddedEvent added ? "added " + added.pieceId()
                        : message.getPayload() instanceof NeedPieceWithdrawnEvent withdrawn ? "withdrawn " + withdrawn.pieceId()
                        : null)
                .filter(Objects::nonNull)
                .toList();
    }

    private List<Long> sequences() {
        return first.eventStore().readEvents(ASSEMBLY).asStream().map(m -> m.getSequenceNumber()).toList();
    }

    /** Each instance with its own cache, as {@code minga.commands.keep-assemblies-loaded} makes it. */
    private void startBoth(boolean keepAssembliesLoaded) {
        sharedStore.setURL("jdbc:h2:mem:moving-assembly;DB_CLOSE_DELAY=-1");
        first = AssemblyOnH2.start(sharedStore, AssemblyRepositoryWiring.cacheFor(keepAssembliesLoaded), true);
        second = AssemblyOnH2.start(sharedStore, AssemblyRepositoryWiring.cacheFor(keepAssembliesLoaded), false);
    }
}
