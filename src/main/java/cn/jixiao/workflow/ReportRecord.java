package cn.jixiao.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A report as the workflow holds it: where it stands, what it says, and what reviewers said of it. */
public record ReportRecord(
    String id,
    String stage,
    Integer fiscalYear,
    String unitCode,
    String unitName,
    boolean seenByFinance,
    ObjectNode report,
    JsonNode comments,
    JsonNode evaluation) {}
