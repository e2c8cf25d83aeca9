/**
 * The HTTP API (/api), the public pages (/public), the health probes (/health) and error answers, as thin controllers.
 *
 * <p>Uses every layer below it; reaches the engine only through workflow's services (ReportService, ReportTasks).
 */
package cn.jixiao.web;
