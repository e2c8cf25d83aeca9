package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEMPLATE_TEXT_LEFT: a text that still holds the template's instructions — 「(100字以内)」, 「对照年度目标，逐项说明…」,
 * 「请填写…」 — was copied from the blank form and never replaced; published tables carry it. One warning per field,
 * quoting the instruction found. Runs over every text of the report, in document order.
 */
final class TemplateTextChecks {

    /** The instructions printed in blank 自评表 and report templates. */
    private static final List<Pattern> INSTRUCTIONS = List.of(
            Pattern.compile("[(（]\\s*(?:限|不超过)?\\s*\\d+\\s*字(?:以内|以下|左右)?\\s*[)）]"),
            Pattern.compile("对照年度目标[，,、]?\\s*(?:逐项|说明|填写|…|\\.\\.\\.)[^。；;（）()]{0,30}"),
            Pattern.compile("[(（]\\s*对照年度目标[^)）]*[)）]"),
            Pattern.compile("(?:请|此处)(?:在此)?(?:填写|填报|录入)"));

    /** Chinese names of the text fields most likely to hold instructions; others are named 该栏. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("expected", "年度总体目标的预期目标"),
            Map.entry("actual", "实际完成情况"),
            Map.entry("deviationNote", "偏差原因分析及改进措施"),
            Map.entry("target", "年度指标值"),
            Map.entry("conclusion", "评价结论"),
            Map.entry("problems", "存在问题"),
            Map.entry("measures", "改进措施"),
            Map.entry("lowExecutionReason", "执行率偏低原因"),
            Map.entry("adjustmentReason", "预算调整原因"),
            Map.entry("name", "名称"),
            Map.entry("text", "说明"),
            Map.entry("otherNotes", "其他需要说明的情况"),
            Map.entry("summary", "存在的问题及改进措施"));

    private TemplateTextChecks() {}

    static List<Finding> check(JsonNode report) {
        List<Finding> findings = new ArrayList<>();
        walk(report, "", "", findings);
        return findings;
    }

    private static void walk(JsonNode node, String pointer, String key, List<Finding> findings) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String instruction = instructionIn(node.textValue());
            if (instruction != null) {
                String label = LABELS.getOrDefault(key, "该栏");
                findings.add(Finding.warning(
                        FindingCodes.TEMPLATE_TEXT_LEFT, pointer, label + "仍是模板中的填写说明“" + instruction + "”，应替换为实际内容"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, key, findings);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String escaped = field.getKey().replace("~", "~0").replace("/", "~1");
                walk(field.getValue(), pointer + "/" + escaped, field.getKey(), findings);
            }
        }
    }

    /** The first instruction found in the text, as written; null when there is none. */
    static String instructionIn(String text) {
        if (text == null) {
            return null;
        }
        for (Pattern pattern : INSTRUCTIONS) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                return matcher.group();
            }
        }
        return null;
    }
}
