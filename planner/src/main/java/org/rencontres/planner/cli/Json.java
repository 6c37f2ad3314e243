package org.rencontres.planner.cli;

import java.util.ArrayList;
import java.util.List;
import org.rencontres.planner.InvalidProblemException;
import tools.jackson.databind.JsonNode;

/** Strict readers of JSON values that fail with a one-line message naming the field. */
final class Json {

    private Json() {
    }

    static JsonNode object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new InvalidProblemException(where + " must be a JSON object");
        }
        return node;
    }

    static List<JsonNode> array(JsonNode parent, String field, String where, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidProblemException(where + field + " is missing");
            }
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidProblemException(where + field + " must be an array");
        }
        List<JsonNode> items = new ArrayList<>();
        for (int k = 0; k < node.size(); k++) {
            items.add(node.get(k));
        }
        return items;
    }

    static String string(JsonNode parent, String field, String where, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidProblemException(where + field + " is missing");
            }
            return null;
        }
        if (!node.isString()) {
            throw new InvalidProblemException(where + field + " must be a string");
        }
        return node.stringValue();
    }

    static String string(JsonNode node, String where) {
        if (node == null || !node.isString()) {
            throw new InvalidProblemException(where + " must be a string");
        }
        return node.stringValue();
    }

    static Long integer(JsonNode parent, String field, String where, boolean required, long min) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidProblemException(where + field + " is missing");
            }
            return null;
        }
        return integer(node, where + field, min);
    }

    static long integer(JsonNode node, String where, long min) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidProblemException(where + " must be an integer");
        }
        long value = node.longValue();
        if (value < min) {
            throw new InvalidProblemException(where + (min == 0 ? " must not be negative" : " must be at least " + min)
                    + ", was " + value);
        }
        return value;
    }

    static int smallInteger(JsonNode parent, String field, String where, boolean required, int min, int fallback) {
        Long value = integer(parent, field, where, required, min);
        if (value == null) {
            return fallback;
        }
        if (value > 1_000_000) {
            throw new InvalidProblemException(where + field + " is too large: " + value);
        }
        return value.intValue();
    }

    static boolean bool(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new InvalidProblemException(where + field + " must be true or false");
        }
        return node.booleanValue();
    }
}
