/**
 * The beans the report process (bpmn/self-evaluation-report.bpmn) calls, one per task or listener (ReviewDecisionListener: what happens when a leader returns), and ReportService and ReportTasks, the one way into the engine.
 *
 * <p>Uses record, security, unit, engine, grading, scoring, document and report.
 */
package cn.jixiao.workflow;
