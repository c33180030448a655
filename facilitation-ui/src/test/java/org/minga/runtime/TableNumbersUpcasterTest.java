package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.TableLabels;

/** A split stored as revision 1 ("Mesa 3") read through the upcaster and Jackson, as a stored event is. */
class TableNumbersUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void aSpanishSplitStoredWithLabelsIsReadAsItsTablesNumbers() {
        AssemblySplitIntoTablesEvent read = upcastAndRead("""
                {"assemblyId":"a","tableSize":20,"tables":[\
                {"tableId":"t1","axisId":"credit","label":"Mesa 1","memberIds":["p1"]},\
                {"tableId":"t2","axisId":"credit","label":"Mesa 2","memberIds":[]},\
                {"tableId":"t3","axisId":"roads","label":"Mesa 3","memberIds":["p2","p3"]}]}""");

        assertThat(read.tables()).extracting(TableAssignment::tableId, TableAssignment::number, TableAssignment::memberIds)
                .containsExactly(tuple("t1", 1, List.of("p1")), tuple("t2", 2, List.of()),
                        tuple("t3", 3, List.of("p2", "p3")));
        assertThat(TableLabels.label("es", read.tables().get(2).number())).isEqualTo("Mesa 3");
        assertThat(TableLabels.label("en", read.tables().get(2).number())).isEqualTo("Table 3");
    }

    @Test
    void aSplitAlreadyNumberedIsLeftAsItIs() {
        AssemblySplitIntoTablesEvent split = new AssemblySplitIntoTablesEvent("a", 20,
                List.of(new TableAssignment("t12", "credit", 12, List.of("p1"))));
        SerializedObject<byte[]> stored = serializer.serialize(split, byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat(new TableNumbersUpcaster().upcast(Stream.of(representation(stored))).toList())
                .singleElement().satisfies(r -> assertThat(serializer.<byte[], AssemblySplitIntoTablesEvent>deserialize(
                        r.getData(byte[].class))).isEqualTo(split));
    }

    private AssemblySplitIntoTablesEvent upcastAndRead(String revisionOne) {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(revisionOne.getBytes(StandardCharsets.UTF_8), byte[].class,
                AssemblySplitIntoTablesEvent.class.getName(), "1");
        IntermediateEventRepresentation upcast = new TableNumbersUpcaster().upcast(Stream.of(representation(stored)))
                .findFirst().orElseThrow();
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.getData(byte[].class));
    }

    private InitialEventRepresentation representation(SerializedObject<byte[]> payload) {
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Assembly", "a", 3, "e1", Instant.EPOCH,
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData.getData()), serializer);
    }
}
