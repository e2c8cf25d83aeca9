package cn.jixiao.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A report as the workflow holds it: its record, what it says, what reviewers said of it, its evaluation. */
public record ReportRecord(ReportEntry entry, ObjectNode report, List<ReviewComment> comments, JsonNode evaluation) {

    public String id() {
        return entry.id();
    }

    public String stage() {
        return entry.stage();
    }
}
