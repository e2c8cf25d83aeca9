/**
 * The report's own record and who may read it: jx_report (ReportIndex), stages, the review log, one report per unit and year, ReportAccessPolicy and the per-report grants (InstanceAccess).
 *
 * <p>Uses report, engine and security; the workflow and the web layer use it.
 */
package cn.jixiao.record;
