package cn.jixiao.workflow;

import java.time.Instant;
import java.time.LocalDate;

/** The workflow's own record of a report: whose it is, where it stands, who may see it. */
public record ReportEntry(
    String id, String unitCode, int fiscalYear, String stage, boolean seenByFinance, LocalDate publishedOn,
    Instant startedAt) {}
