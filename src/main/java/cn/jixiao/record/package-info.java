/**
 * The report's own record and who may read it: jx_report (ReportIndex) and the figures of its last evaluation (ReportFigures, jx_report_project), stages, the review log, one report per unit and year, ReportAccessPolicy and the per-report grants (InstanceAccess).
 *
 * <p>Uses report, scoring, engine and security; the workflow and the web layer use it.
 */
package cn.jixiao.record;
