package cn.jixiao.workflow;

import cn.jixiao.record.ReportIndex;
import cn.jixiao.record.ReviewLog;
import cn.jixiao.record.ReviewStep;
import cn.jixiao.report.ProcessVariables;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Service task 生成并公开报告 (asynchronous, so a failure becomes a retried job and then an incident, with the
 * accepted report intact): renders the final .docx, stores it in the database and records 公开日期. One job per
 * acceptance and one transaction per attempt, so a report is published exactly once. After a correction (更正) the
 * same holds for the correction's own process instance: its one job stores the republished document on that
 * instance (the public page serves the carrying instance's document, so it replaces the earlier one, which stays in
 * the earlier instance's history), keeps 首次公开日期, and records the republication in the review log — in the same
 * transaction, so the log never shows a publication that did not happen, nor one twice.
 */
@Component("publishReportDelegate")
class PublishReportDelegate implements JavaDelegate {

    public static final String PUBLISHED_ON = "publishedOn";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ReportService reports;
    private final ReportDocuments documents;
    private final ReportVariables variables;
    private final ReportIndex index;
    private final ReviewLog log;

    PublishReportDelegate(
            ReportService reports,
            ReportDocuments documents,
            ReportVariables variables,
            ReportIndex index,
            ReviewLog log) {
        this.reports = reports;
        this.documents = documents;
        this.variables = variables;
        this.index = index;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), CHINA);
        execution.setVariable(
                ReportDocuments.VARIABLE,
                documents.publish(
                        reports.current(execution),
                        variables.toJsonNode(execution.getVariable(ProcessVariables.EVALUATION)),
                        today));
        execution.setVariable(PUBLISHED_ON, today.toString());
        index.markPublished(execution.getProcessInstanceId(), today);
        index.find(execution.getProcessInstanceId())
                .filter(report -> report.corrections() > 0)
                .ifPresent(report -> log.add(
                        execution.getProcessInstanceId(),
                        ReviewStep.PUBLICATION,
                        ReviewStep.REPUBLISH,
                        null,
                        "系统",
                        ClockUtil.getCurrentTime(),
                        "首次公开日期：" + report.firstPublishedOn() + "；更正后公开日期：" + today,
                        List.of()));
    }
}
