package cn.jixiao.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 报告范围 (the report's optional top-level {@code "scope"}): the whole 部门整体支出绩效自评报告 (the default), or the
 * 项目支出绩效自评表 alone, as units publish them. The scope decides which sections a report has, hence which drafting
 * tasks open, what a return may reopen and what its document holds.
 */
public enum ReportScope {
    DEPARTMENT("department", "部门整体", List.of(Section.values())),
    PROJECTS("projects", "仅项目支出绩效自评表", List.of(Section.PROJECTS));

    private final String key;
    private final String label;
    private final List<Section> sections;

    ReportScope(String key, String label, List<Section> sections) {
        this.key = key;
        this.label = label;
        this.sections = sections;
    }

    /** The schema value, also the process variable's. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The sections a report of this scope has, in schema order. */
    public List<Section> sections() {
        return sections;
    }

    public boolean has(Section section) {
        return sections.contains(section);
    }

    public static Optional<ReportScope> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /**
     * The scope of a stored value (a process variable, or a report's {@code scope}): absent or blank means
     * department; anything else unknown also falls back to department, since only known values are ever stored (the
     * schema and the start listener refuse the rest).
     */
    public static ReportScope of(Object value) {
        if (value instanceof JsonNode node) {
            value = node.isTextual() ? node.asText() : null;
        }
        return value == null ? DEPARTMENT : byKey(value.toString().trim()).orElse(DEPARTMENT);
    }

    /** The scope a report names. */
    public static ReportScope ofReport(JsonNode report) {
        return of(report == null ? null : report.get("scope"));
    }
}
