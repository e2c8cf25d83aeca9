package cn.jixiao.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The Tasklist's form-js binds list items only as objects and submits every field, empty or not. This converts a
 * section between its report shape and its form shape: lists of texts become lists of {"text": …} for the form,
 * and what a form submits loses its unfilled fields (null, and objects left with nothing) and gets its texts back.
 * Empty texts stay: an optional one is valid empty, a required one gets the schema's "不能为空".
 */
public final class FormValues {

    static final String TEXT = "text";

    private FormValues() {}

    /** The section as a form binds it: every list of strings as a list of {"text": …}. */
    public static JsonNode toForm(JsonNode section) {
        if (section == null) {
            return null;
        }
        if (section.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : section) {
                out.add(
                        item.isTextual()
                                ? JsonNodeFactory.instance.objectNode().put(TEXT, item.asText())
                                : toForm(item));
            }
            return out;
        }
        if (section.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            section.fields().forEachRemaining(e -> out.set(e.getKey(), toForm(e.getValue())));
            return out;
        }
        return section;
    }

    /** True when the section has a list of strings, i.e. when its form shape differs from its report shape. */
    public static boolean hasTextLists(JsonNode section) {
        if (section == null) {
            return false;
        }
        if (section.isArray()) {
            for (JsonNode item : section) {
                if (item.isTextual() || hasTextLists(item)) {
                    return true;
                }
            }
            return false;
        }
        if (section.isObject()) {
            Iterator<JsonNode> values = section.elements();
            while (values.hasNext()) {
                if (hasTextLists(values.next())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What a form submitted, back in report shape; null when nothing at all was entered. */
    public static JsonNode fromForm(JsonNode submitted) {
        if (submitted == null || submitted.isNull() || submitted.isMissingNode()) {
            return null;
        }
        if (submitted.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : submitted) {
                JsonNode value = isTextItem(item) ? fromForm(item.get(TEXT)) : fromForm(item);
                if (value != null) {
                    out.add(value);
                }
            }
            return out;
        }
        if (submitted.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = submitted.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = fromForm(field.getValue());
                if (value != null) {
                    out.set(field.getKey(), value);
                }
            }
            return out.isEmpty() ? null : out;
        }
        return submitted;
    }

    /** A form's list item standing for one text: {"text": …} and nothing else. */
    private static boolean isTextItem(JsonNode item) {
        return item.isObject()
                && item.size() == 1
                && item.has(TEXT)
                && (item.get(TEXT).isTextual() || item.get(TEXT).isNull());
    }
}
