package org.minga.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.springframework.stereotype.Component;

/**
 * Reads the splits stored before tables had numbers: revision 1 of
 * {@link AssemblySplitIntoTablesEvent} gave each table its label in the assembly's language
 * ("Mesa 3", "Table 12"), revision 2 its number. The split labelled tables "word n", numbered 1..n
 * across axes, so the number is the label's; a table whose label holds no number (none was ever
 * written so) takes its place in the split. A bean, so Axon reads every stored event through it,
 * from the embedded H2 store and from Axon Server alike.
 */
@Component
public class TableNumbersUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType LABELLED = new SimpleSerializedType(AssemblySplitIntoTablesEvent.class.getName(), "1");
    static final SimpleSerializedType NUMBERED = new SimpleSerializedType(AssemblySplitIntoTablesEvent.class.getName(), "2");
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)\\D*$");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return LABELLED.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(NUMBERED, JsonNode.class, TableNumbersUpcaster::numbered);
    }

    /** The payload with each table's label replaced by its number. */
    static JsonNode numbered(JsonNode payload) {
        int place = 0;
        for (JsonNode table : payload.path("tables")) {
            place++;
            if (table instanceof ObjectNode labelled) {
                labelled.put("number", numberIn(labelled.path("label").asText(""), place));
                labelled.remove("label");
            }
        }
        return payload;
    }

    private static int numberIn(String label, int place) {
        Matcher number = LAST_NUMBER.matcher(label);
        return number.find() ? Integer.parseInt(number.group(1)) : place;
    }
}
