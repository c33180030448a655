package org.minga.assembly.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.NINE_AM;
import static org.minga.assembly.command.AssemblyTestData.profile;
import static org.minga.assembly.command.AssemblyTestData.scheduleAssembly;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minga.assembly.api.wire.AssemblyRepositoryWiring;
import org.minga.assembly.api.AddNeedPieceCommand;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.OpenStepCommand;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RegisterParticipantCommand;
import org.minga.assembly.api.RuleViolationException;
import org.minga.assembly.api.SplitIntoTablesCommand;
import org.minga.assembly.api.Step;

/**
 * The aggregate on a real event store: an H2 file, Jackson for events and snapshots, the cache
 * and snapshot trigger the application uses. Proves a long stream is snapshotted and that a cold
 * start from the snapshot still knows every rule's state.
 */
class AssemblyEventStoreTest {

    @TempDir
    Path dataDirectory;

    private Configuration axon;
    private JdbcDataSource dataSource;

    @AfterEach
    void shutDown() throws SQLException {
        if (axon != null) {
            axon.shutdown();
        }
        if (dataSource != null) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void aLongAssemblyIsSnapshottedAndReloadsFromTheSnapshotWithItsRules() throws SQLException {
        dataSource = h2File();
        axon = AssemblyOnH2.start(dataSource, AssemblyRepositoryWiring.cache(), true);
        CommandGateway commands = axon.commandGateway();
        commands.sendAndWait(scheduleAssembly());
        for (int i = 1; i <= 300; i++) {
            commands.sendAndWait(new RegisterParticipantCommand(ASSEMBLY, "p" + i, profile("Organización " + (i % 37), null)));
        }
        commands.sendAndWait(new SplitIntoTablesCommand(ASSEMBLY, null));
        commands.sendAndWait(new OpenStepCommand(ASSEMBLY, Step.NEEDS, NINE_AM, null));
        commands.sendAndWait(new AddNeedPieceCommand(ASSEMBLY, "t1", "n1", "Crédito para mujeres rurales"));
        commands.sendAndWait(new AddNeedPieceCommand(ASSEMBLY, "t1", "n2", "Formación en contabilidad"));

        assertThat(count(dataSource, "SnapshotEventEntry")).isEqualTo(1);
        assertThat(count(dataSource, "DomainEventEntry")).isEqualTo(1 + 300 + 1 + 1 + 2);
        assertThat(axon.eventStore().readEvents(ASSEMBLY, 0).asStream().map(m -> m.getPayload().getClass()))
                .as("every event reads back from JSON, the first being the schedule")
                .hasSize(305)
                .first().isEqualTo(AssemblyScheduledEvent.class);
        axon.shutdown();

        // A cold start: no cache, the aggregate comes from the snapshot plus the events after it.
        axon = AssemblyOnH2.start(dataSource, AssemblyRepositoryWiring.cache(), false);
        DomainEventMessage<?> first = axon.eventStore().readEvents(ASSEMBLY).asStream().findFirst().orElseThrow();
        assertThat(first.getPayload()).isInstanceOf(Assembly.class);
        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(
                new AddNeedPieceCommand(ASSEMBLY, "t1", "n3", "Una tercera necesidad")))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.TABLE_NEEDS_LIMIT));
        axon.commandGateway().sendAndWait(new AddNeedPieceCommand(ASSEMBLY, "t2", "n3", "Una necesidad de la mesa 2"));
        assertThat(count(dataSource, "DomainEventEntry")).isEqualTo(306);
    }

    private JdbcDataSource h2File() {
        JdbcDataSource dataSource = new JdbcDataSource();
        // Keep the database open between connections: with H2 2.3.232 closing and reopening the file
        // between appends, a fresh connection saw only 275-297 of 305 appended events.
        dataSource.setURL("jdbc:h2:file:" + dataDirectory.resolve("events") + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    private static long count(JdbcDataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
