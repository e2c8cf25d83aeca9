package cn.jixiao.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a new year's report takes over from the unit's last accepted or published report: what rarely changes —
 * 单位基本情况 (职责, 人员编制) and each project's name, 主管部门 and 实施单位 — and never a figure of the old year
 * (no budget, no funds, no indicator, no score). The clerk confirms or changes it like any prefilled section.
 */
final class CarryForward {

    private static final String[] PROJECT_FIELDS = {"name", "supervisor", "implementer"};

    private CarryForward() {}

    /** The sections to start the new report with, by variable name; empty without an earlier report. */
    static Map<String, JsonNode> from(JsonNode earlier) {
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        if (earlier == null || !earlier.isObject()) {
            return sections;
        }
        JsonNode basicInfo = earlier.get("basicInfo");
        if (basicInfo != null && basicInfo.isObject() && !basicInfo.isEmpty()) {
            sections.put("basicInfo", basicInfo.deepCopy());
        }
        JsonNode projects = earlier.get("projects");
        if (projects != null && projects.isArray() && !projects.isEmpty()) {
            ArrayNode names = JsonNodeFactory.instance.arrayNode();
            for (JsonNode project : projects) {
                ObjectNode kept = JsonNodeFactory.instance.objectNode();
                for (String field : PROJECT_FIELDS) {
                    JsonNode value = project.get(field);
                    if (value != null && value.isTextual() && !value.asText().isBlank()) {
                        kept.set(field, value);
                    }
                }
                if (!kept.isEmpty()) {
                    names.add(kept);
                }
            }
            if (!names.isEmpty()) {
                sections.put("projects", names);
            }
        }
        return sections;
    }
}
