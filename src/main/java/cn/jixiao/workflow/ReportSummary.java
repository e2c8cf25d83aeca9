package cn.jixiao.workflow;

import java.util.Date;

/** One line of a report list. */
public record ReportSummary(
    String id, Integer fiscalYear, String unitCode, String unitName, String stage, Date startTime, Date endTime) {}
