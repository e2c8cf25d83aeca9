package cn.jixiao.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Lenient reading of report and evaluation JSON: absent, null or mistyped values read as absent, never throw. */
final class Fields {

    private Fields() {}

    static JsonNode node(JsonNode parent, String field) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode value = parent.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    /** The trimmed text, or null when absent or blank. */
    static String text(JsonNode parent, String field) {
        return text(node(parent, field));
    }

    static String text(JsonNode value) {
        if (value == null || !(value.isTextual() || value.isNumber())) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** The exact decimal, or null when absent or not a number. */
    static BigDecimal decimal(JsonNode parent, String field) {
        return decimal(node(parent, field));
    }

    static BigDecimal decimal(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return new BigDecimal(value.bigIntegerValue());
        }
        if (value.isBigDecimal()) {
            return value.decimalValue();
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            // Double.toString gives the shortest text that reads back as the same double: 179.2, not 179.19999…
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static List<JsonNode> elements(JsonNode parent, String field) {
        JsonNode array = node(parent, field);
        List<JsonNode> result = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(result::add);
        }
        return result;
    }

    /** The non-blank texts of an array of strings, trimmed. */
    static List<String> texts(JsonNode parent, String field) {
        List<String> result = new ArrayList<>();
        for (JsonNode element : elements(parent, field)) {
            String text = text(element);
            if (text != null) {
                result.add(text);
            }
        }
        return result;
    }
}
