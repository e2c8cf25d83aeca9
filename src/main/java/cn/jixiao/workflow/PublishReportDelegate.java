package cn.jixiao.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Service task 生成并公开报告 (asynchronous, so a failure becomes a retried job and then an incident, with the
 * accepted report intact): renders the final .docx, stores it in the database and records 公开日期. One job per
 * acceptance and one transaction per attempt, so a report is published exactly once.
 */
@Component("publishReportDelegate")
public class PublishReportDelegate implements JavaDelegate {

  public static final String PUBLISHED_ON = "publishedOn";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final ReportService reports;
  private final ReportDocuments documents;
  private final ReportVariables variables;
  private final ReportIndex index;

  public PublishReportDelegate(ReportService reports, ReportDocuments documents, ReportVariables variables, ReportIndex index) {
    this.reports = reports;
    this.documents = documents;
    this.variables = variables;
    this.index = index;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), CHINA);
    execution.setVariable(ReportDocuments.VARIABLE, documents.publish(reports.current(execution),
        variables.toJsonNode(execution.getVariable(ProcessVariables.EVALUATION)), today));
    execution.setVariable(PUBLISHED_ON, today.toString());
    index.markPublished(execution.getProcessInstanceId(), today);
  }
}
