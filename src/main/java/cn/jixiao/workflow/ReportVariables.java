package cn.jixiao.workflow;

import cn.jixiao.report.ProcessVariables;
import cn.jixiao.report.ReportParts;
import cn.jixiao.report.Section;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Converts between the report JSON and its process variables: one Json variable per section, named after its
 * schema key, plus the header variables. Accepts whatever shape a form submitted (Json, a JSON string, a map).
 */
@Component
public class ReportVariables {

    /**
     * The header variables a section's own check reads besides the section: 年度, 单位, and the 评分模板 and 报告范围 the
     * report names (so a section is checked under the report's template).
     */
    static final java.util.Set<String> HEADER = java.util.Set.of(
            ProcessVariables.FISCAL_YEAR, ProcessVariables.UNIT, ProcessVariables.PROFILE, ProcessVariables.SCOPE);

    private final ObjectMapper mapper;

    public ReportVariables(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The variables that start a process instance for a complete report. */
    public Map<String, Object> fromReport(JsonNode report) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ProcessVariables.FISCAL_YEAR, report.path("fiscalYear").asInt());
        variables.put(ProcessVariables.UNIT, json(report.get("unit")));
        variables.put(
                ProcessVariables.UNIT_CODE, report.path("unit").path("code").asText());
        variables.put(
                ProcessVariables.UNIT_NAME, report.path("unit").path("name").asText());
        if (report.hasNonNull("profile")) {
            variables.put(ProcessVariables.PROFILE, report.get("profile").asText());
        }
        if (report.hasNonNull("scope")) {
            variables.put(ProcessVariables.SCOPE, report.get("scope").asText());
        }
        ReportParts.sections(report).forEach((key, value) -> variables.put(key, json(value)));
        return variables;
    }

    /** The current report, assembled from variables looked up by name (runtime or history). */
    public ObjectNode assemble(Function<String, Object> lookup) {
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        for (Section section : Section.values()) {
            JsonNode value = toJsonNode(lookup.apply(section.key()));
            if (value != null) {
                sections.put(section.key(), value);
            }
        }
        Object year = lookup.apply(ProcessVariables.FISCAL_YEAR);
        Integer fiscalYear = year instanceof Number n ? Integer.valueOf(n.intValue()) : null;
        return ReportParts.assemble(
                mapper,
                text(lookup.apply(ProcessVariables.PROFILE)),
                text(lookup.apply(ProcessVariables.SCOPE)),
                fiscalYear,
                toJsonNode(lookup.apply(ProcessVariables.UNIT)),
                sections);
    }

    /** A header text variable's value (plain or typed), or null when absent or blank. */
    private static String text(Object value) {
        if (value instanceof TypedValue typed) {
            value = typed.getValue();
        }
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** A Spin Json variable value holding the node. */
    public JsonValue json(JsonNode node) {
        try {
            return SpinValues.jsonValue(mapper.writeValueAsString(node)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Reads a variable value of any shape forms or clients send into a Jackson tree; null when absent. A plain string
     * that is not JSON (e.g. the 其他需要说明的情况 textarea) becomes a JSON string.
     */
    public JsonNode toJsonNode(Object value) {
        if (value instanceof TypedValue typed) {
            if (typed instanceof JsonValue json && !json.isDeserialized()) {
                return parse(json.getValueSerialized());
            }
            value = typed.getValue();
        }
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof SpinJsonNode spin) {
            return parse(spin.toString());
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    return mapper.readTree(trimmed);
                } catch (JsonProcessingException notJson) {
                    return mapper.getNodeFactory().textNode(text);
                }
            }
            return mapper.getNodeFactory().textNode(text);
        }
        return mapper.valueToTree(value);
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored Json variable is not JSON", e);
        }
    }
}
