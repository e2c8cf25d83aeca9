package cn.jixiao.workflow;

import cn.jixiao.JixiaoProperties;
import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.InstanceAccess;
import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.record.ReportRecord;
import cn.jixiao.record.ReviewComment;
import cn.jixiao.record.ReviewLog;
import cn.jixiao.record.ReviewStep;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.report.ReportScope;
import cn.jixiao.report.Section;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.UserDirectory;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The start event 更正已公开的报告 ({@value Corrections#START_EVENT}, message {@value Corrections#MESSAGE}): ties the
 * new process instance to the published report it corrects and reopens it for the unit. In the engine's transaction,
 * so either all of it happens or nothing: the report leaves the public page (stage back to drafting, carried by
 * this instance from now on; one statement, so of two corrections at once only one takes it), the new instance
 * gets the published content — copied here from the record, so the correction starts from exactly what was
 * published, whatever else was sent — the unit and the finance bureau may read it, the review log records who asked
 * and why, and the reason shows on the reopened drafting tasks like a return's comment. Only the finance bureau and
 * administrators may ask (the message is not reachable for anyone else through the REST guard; this listener checks
 * again); a call without a user (a test, the server on a user's behalf) passes.
 */
@Component("reportCorrectionListener")
class ReportCorrectionListener implements ExecutionListener {

    private final ReportIndex index;
    private final ReportService reports;
    private final ReportVariables variables;
    private final ReviewLog log;
    private final InstanceAccess access;
    private final UserDirectory users;
    private final JixiaoProperties properties;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    ReportCorrectionListener(
            ReportIndex index,
            ReportService reports,
            ReportVariables variables,
            ReviewLog log,
            InstanceAccess access,
            UserDirectory users,
            JixiaoProperties properties,
            com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.index = index;
        this.reports = reports;
        this.variables = variables;
        this.log = log;
        this.access = access;
        this.users = users;
        this.properties = properties;
        this.mapper = mapper;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String requester = Context.getCommandContext() == null
                ? null
                : Context.getCommandContext().getAuthenticatedUserId();
        if (requester != null && !mayCorrect(users.load(requester))) {
            throw new AuthorizationException("只有财政局审核人员或管理员可以更正已公开的报告");
        }
        Object reasonValue = execution.getVariable(Corrections.REASON_VARIABLE);
        Corrections.reasonProblem(reasonValue).ifPresent(problem -> {
            throw new InputRefused(Corrections.REASON_VARIABLE, problem);
        });
        String reason = ((String) reasonValue).strip();
        Object reportValue = execution.getVariable(Corrections.REPORT_VARIABLE);
        String reportId = reportValue == null ? "" : reportValue.toString();
        // By the report's own id only (an instance id of an earlier correction names no report here).
        ReportEntry report = index.find(reportId)
                .filter(e -> e.id().equals(reportId))
                .orElseThrow(() -> new CorrectionRefused(Corrections.Refusal.NOT_FOUND));
        Corrections.refusal(report).ifPresent(refusal -> {
            throw new CorrectionRefused(refusal);
        });
        // What was published, read before this instance takes the report over.
        ReportRecord published =
                withoutAuthorization(() -> reports.find(reportId)).orElseThrow();

        String instanceId = execution.getProcessInstanceId();
        if (!index.openCorrection(reportId, instanceId)) {
            throw new CorrectionRefused(Corrections.refusal(index.find(reportId).orElse(null))
                    .orElse(Corrections.Refusal.ALREADY_CORRECTING));
        }
        variables.fromReport(published.report()).forEach(execution::setVariable);
        if (published.evaluation() != null) {
            execution.setVariable(ProcessVariables.EVALUATION, variables.json(published.evaluation()));
        }
        execution.setProcessBusinessKey(report.unitCode() + "-" + report.fiscalYear());
        access.grantUnit(instanceId, report.unitCode());
        access.grantFinance(instanceId, properties.financeGroup());

        // Every section the published report has (the projects alone for a report of scope projects).
        List<String> all = ReportScope.ofReport(published.report()).sections().stream()
                .map(Section::key)
                .toList();
        log.add(
                instanceId,
                ReviewStep.CORRECTION,
                ReviewStep.REQUEST,
                requester,
                users.displayName(requester),
                ClockUtil.getCurrentTime(),
                reason,
                all);
        List<ReviewComment> history = log.of(instanceId);
        String line = ReviewDecisionListener.line(history.get(history.size() - 1));
        execution.setVariable(ProcessVariables.LAST_RETURN_COMMENT, line);
        execution.setVariable(Corrections.REQUEST_LINE_VARIABLE, line);
        execution.setVariable(ProcessVariables.SECTIONS_TO_REVISE, variables.json(mapper.valueToTree(all)));
    }

    private boolean mayCorrect(CurrentUser user) {
        return user.isAdmin() || user.inGroup(properties.financeGroup());
    }

    private static <T> T withoutAuthorization(java.util.concurrent.Callable<T> read) {
        if (Context.getCommandContext() == null) {
            try {
                return read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return Context.getCommandContext().runWithoutAuthorization(read);
    }
}
