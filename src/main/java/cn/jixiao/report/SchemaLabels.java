package cn.jixiao.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese labels of report fields, read from the schema's field descriptions, so that messages name a field the
 * way the printed report does (e.g. "/projects/0/funds/total/executed" → "项目1 › 年度资金总额 › 全年执行数").
 */
final class SchemaLabels {

    private static final Pattern ASCII_LETTER = Pattern.compile("[a-zA-Z]");

    private final JsonNode schema;

    SchemaLabels(JsonNode schema) {
        this.schema = schema;
    }

    /** Label of each segment of the pointer, array items written as 第N项 (or 项目N for projects). */
    public List<String> labelsOf(String pointer) {
        List<String> labels = new ArrayList<>();
        JsonNode node = schema;
        String parentKey = "";
        for (String segment : segments(pointer)) {
            node = resolve(node);
            if (node == null) {
                labels.add(segment);
                continue;
            }
            if (segment.matches("\\d+") && node.has("items")) {
                int n = Integer.parseInt(segment) + 1;
                labels.add("projects".equals(parentKey) ? "项目" + n : "第" + n + "项");
                node = node.get("items");
            } else {
                JsonNode property = node.path("properties").get(segment);
                labels.add(labelOf(property, segment));
                node = property;
            }
            parentKey = segment;
        }
        return labels;
    }

    /**
     * Whether the number at the pointer is an amount in 万元 (the schema's {@code amount} or {@code signedAmount}):
     * those keep up to four decimals (yuan precision), every other number two.
     */
    boolean isAmount(String pointer) {
        JsonNode node = schema;
        JsonNode last = null;
        for (String segment : segments(pointer)) {
            node = resolve(node);
            if (node == null) {
                return false;
            }
            if (segment.matches("\\d+") && node.has("items")) {
                node = node.get("items");
            } else {
                node = node.path("properties").get(segment);
            }
            last = node;
            if (node == null) {
                return false;
            }
        }
        String ref = last == null ? "" : last.path("$ref").asText("");
        return ref.equals("#/$defs/amount") || ref.equals("#/$defs/signedAmount");
    }

    /** The whole path of labels joined for a message, e.g. "部门预决算情况 › 资产总额". */
    public String pathLabel(String pointer) {
        List<String> labels = labelsOf(pointer);
        return labels.isEmpty() ? "报告" : String.join(" › ", labels);
    }

    private String labelOf(JsonNode property, String key) {
        if (property == null) {
            return key;
        }
        String description = property.path("description").asText("");
        if (description.isEmpty()) {
            JsonNode target = resolve(property);
            description = target == null ? "" : target.path("description").asText("");
        }
        return chineseHead(description).orElse(key);
    }

    /** The Chinese head of a description, before any English note: "净资产 (may be negative)" → "净资产". */
    static Optional<String> chineseHead(String description) {
        if (description == null
                || description
                        .codePoints()
                        .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return Optional.empty();
        }
        String head = description;
        Matcher ascii = ASCII_LETTER.matcher(head);
        if (ascii.find()) {
            head = head.substring(0, ascii.start());
            int open = head.lastIndexOf('(');
            if (open >= 0 && head.indexOf(')', open) < 0) {
                head = head.substring(0, open);
            }
        }
        head = head.replaceAll("[\\s,，:：(]+$", "");
        // Drop an outline number such as "二、(一)" or "1." that only makes sense in the printed report.
        head = head.replaceFirst("^(?:[一二三四五六七八九十]+、)?(?:[(（][一二三四五六七八九十]+[)）])?(?:\\d+\\.)?", "");
        head = head.replaceFirst("^附件[:：]\\s*", "").replaceFirst("^其中：", "");
        return head.isBlank() ? Optional.empty() : Optional.of(head.trim());
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        int guard = 0;
        while (current != null && current.has("$ref") && guard++ < 10) {
            String ref = current.get("$ref").asText();
            current = ref.startsWith("#") ? schema.at(ref.substring(1)) : null;
            if (current != null && current.isMissingNode()) {
                return null;
            }
        }
        return current;
    }

    static List<String> segments(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer == null || pointer.isEmpty() || "/".equals(pointer)) {
            return out;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            out.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }
}
