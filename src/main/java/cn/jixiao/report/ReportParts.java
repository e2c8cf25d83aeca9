package cn.jixiao.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits a report into the parts the workflow keeps apart (header plus one part per section) and puts it back
 * together, so that a report that goes in comes back out equal.
 */
public final class ReportParts {

    public static final int SCHEMA_VERSION = 1;

    private ReportParts() {}

    /** Section key → section JSON, in schema order, for the sections the report has. */
    public static Map<String, JsonNode> sections(JsonNode report) {
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        for (Section section : Section.values()) {
            JsonNode value = report.get(section.key());
            if (value != null && !value.isNull()) {
                parts.put(section.key(), value);
            }
        }
        return parts;
    }

    /** The report from its header (fiscal year, unit) and whatever sections exist so far. */
    public static ObjectNode assemble(
            ObjectMapper mapper, Integer fiscalYear, JsonNode unit, Map<String, JsonNode> sections) {
        return assemble(mapper, null, null, fiscalYear, unit, sections);
    }

    /** The same, with the report's 评分模板 and 报告范围 when it names them (null: not named, the defaults). */
    public static ObjectNode assemble(
            ObjectMapper mapper,
            String profile,
            String scope,
            Integer fiscalYear,
            JsonNode unit,
            Map<String, JsonNode> sections) {
        ObjectNode report = mapper.createObjectNode();
        report.put("schemaVersion", SCHEMA_VERSION);
        if (profile != null) {
            report.put("profile", profile);
        }
        if (scope != null) {
            report.put("scope", scope);
        }
        if (fiscalYear != null) {
            report.put("fiscalYear", fiscalYear);
        }
        if (unit != null && !unit.isNull()) {
            report.set("unit", unit);
        }
        for (Section section : Section.values()) {
            JsonNode value = sections.get(section.key());
            if (value != null && !value.isNull()) {
                report.set(section.key(), value);
            }
        }
        return report;
    }
}
