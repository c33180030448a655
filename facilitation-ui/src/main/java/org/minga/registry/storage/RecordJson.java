package org.minga.registry.storage;

import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A record as JSON that gives back each value's type: plain JSON would read a Long time back as
 * an Integer, and a date as a number. Texts, booleans, Integers and null are plain JSON; a Long,
 * a double and a date are written as MongoDB's Extended JSON writes them
 * ({@code {"$numberLong": "…"}}, {@code {"$numberDouble": "…"}}, {@code {"$date": {"$numberLong": "…"}}}).
 */
final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LONG = "$numberLong";
    private static final String DOUBLE = "$numberDouble";
    private static final String DATE = "$date";

    private RecordJson() {
    }

    static String write(RegistryRecord record) {
        try {
            return JSON.writeValueAsString(node(record.fields()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + record.id() + " as JSON", e);
        }
    }

    static RegistryRecord read(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) value(JSON.readTree(json));
            return RegistryRecord.of(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored registry record is not JSON", e);
        }
    }

    private static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.objectNode().put(LONG, number.toString());
        }
        if (value instanceof Double number) {
            return NODES.objectNode().put(DOUBLE, number.toString());
        }
        if (value instanceof Date date) {
            return NODES.objectNode().set(DATE, NODES.objectNode().put(LONG, Long.toString(date.getTime())));
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, inner) -> object.set(String.valueOf(key), node(inner)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(inner -> array.add(node(inner)));
            return array;
        }
        throw new IllegalArgumentException("a registry record cannot hold a " + value.getClass().getName());
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(inner -> list.add(value(inner)));
            return list;
        }
        if (node.size() == 1 && node.has(LONG)) {
            return Long.parseLong(node.get(LONG).textValue());
        }
        if (node.size() == 1 && node.has(DOUBLE)) {
            return Double.parseDouble(node.get(DOUBLE).textValue());
        }
        if (node.size() == 1 && node.has(DATE)) {
            return new Date(Long.parseLong(node.get(DATE).get(LONG).textValue()));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), value(field.getValue()));
        }
        return map;
    }
}
