package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient readers for report fields. Absent, null or mistyped fields read as null (or an empty list), so
 * the evaluator never throws; numbers are read as exact decimals rounded half-up to two decimals, amounts in 万元
 * to four (yuan precision).
 */
final class JsonFields {

    /** Numbers with more integer digits than this (JSON allows 1E+999999999) are treated as unreadable. */
    static final int MAX_INTEGER_DIGITS = 1000;

    private JsonFields() {}

    /**
     * The number at {@code field}, rounded half-up to two decimals; null when absent, not a finite number or
     * beyond {@link #MAX_INTEGER_DIGITS} integer digits.
     */
    static BigDecimal decimal(JsonNode parent, String field) {
        return decimal(child(parent, field));
    }

    static BigDecimal decimal(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return null;
        }
        return Decimals.round2(value);
    }

    /** An amount in 万元 at {@code field}, rounded half-up to four decimals; null as {@link #decimal}. */
    static BigDecimal amount(JsonNode parent, String field) {
        JsonNode node = child(parent, field);
        BigDecimal two = decimal(node);
        return two == null ? null : Decimals.round4(node.decimalValue());
    }

    /** Like {@link #amount(JsonNode, String)} but 0 when absent. */
    static BigDecimal amountOrZero(JsonNode parent, String field) {
        BigDecimal value = amount(parent, field);
        return value == null ? Decimals.ZERO : value;
    }

    /** Like {@link #decimal(JsonNode, String)} but 0 when absent. */
    static BigDecimal decimalOrZero(JsonNode parent, String field) {
        BigDecimal value = decimal(parent, field);
        return value == null ? Decimals.ZERO : value;
    }

    /** The text at {@code field}; null when absent or not a string. */
    static String text(JsonNode parent, String field) {
        JsonNode node = child(parent, field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** The object at {@code field}; null when absent or not an object. */
    static JsonNode object(JsonNode parent, String field) {
        JsonNode node = child(parent, field);
        return node != null && node.isObject() ? node : null;
    }

    /** The elements of the array at {@code field}; empty when absent or not an array. */
    static List<JsonNode> elements(JsonNode parent, String field) {
        JsonNode node = child(parent, field);
        List<JsonNode> result = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(result::add);
        }
        return result;
    }

    /** True when the text is absent or holds only white space (including full-width spaces). */
    static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private static JsonNode child(JsonNode parent, String field) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : node;
    }
}
