package cn.jixiao.workflow;

import cn.jixiao.record.ReviewLog;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.scoring.EvaluationSummary;
import cn.jixiao.scoring.ReportAssessment;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 提交审核 shows the clerk the review history so far, from the review log, and a fresh evaluation of the report as
 * it stands now (task-local), never the previous round's findings.
 */
@Component("submitTaskListener")
class SubmitTaskListener implements TaskListener {

    private final ReviewLog log;
    private final ReportAssessment assessment;
    private final ReportService reports;

    SubmitTaskListener(ReviewLog log, ReportAssessment assessment, ReportService reports) {
        this.log = log;
        this.assessment = assessment;
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecisionListener.showHistory(task, log);
        task.setVariableLocal(
                ProcessVariables.EVALUATION_SUMMARY_TEXT,
                EvaluationSummary.text(assessment.assess(reports.current(task.getExecution()))));
    }
}
