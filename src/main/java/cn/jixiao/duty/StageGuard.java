package cn.jixiao.duty;

import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.record.ReviewComment;
import cn.jixiao.record.ReviewLog;
import cn.jixiao.record.Stage;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.workflow.ReportService;
import cn.jixiao.workflow.ReportVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Each step of a report checks, from the report's own record, that the step before it really happened: the
 * leader's review needs checks passed on the report as it stands, the finance bureau's review the leader's
 * approval, acceptance the bureau's decision, publication an accepted report unchanged since its checks. So even
 * a path that slipped past the REST guard (an administrator's repair, a modification) cannot publish what no one
 * reviewed. Called from the model ({@code ${stageGuard.…}}) before the step's own listeners.
 */
@Component("stageGuard")
public class StageGuard {

    private final ReportIndex index;
    private final ReviewLog log;
    private final ReportService reports;
    private final ReportVariables variables;

    StageGuard(ReportIndex index, ReviewLog log, ReportService reports, ReportVariables variables) {
        this.index = index;
        this.log = log;
        this.reports = reports;
        this.variables = variables;
    }

    /** After 计算得分与校验: records whether the checks passed and what exactly they saw. */
    public void recordChecks(DelegateExecution execution) {
        boolean errors = Boolean.TRUE.equals(execution.getVariable(ProcessVariables.EVALUATION_HAS_ERRORS));
        index.recordChecks(
                execution.getProcessInstanceId(), !errors, digest(execution).encoded());
    }

    /** When drafting opens again, earlier checks no longer count. */
    public void reopened(DelegateExecution execution) {
        index.recordChecks(execution.getProcessInstanceId(), false, null);
    }

    /** Entering 单位负责人审核: the report is in drafting and passed its checks as it stands now. */
    public void requireChecksPassed(DelegateExecution execution) {
        ReportEntry entry = requireStage(execution, Stage.DRAFTING, "单位负责人审核");
        if (!index.checks(entry.processInstanceId())
                .map(ReportIndex.Checks::passed)
                .orElse(false)) {
            throw refused("报告未通过系统校验，不能进入单位负责人审核");
        }
        requireUnchangedSinceChecks(execution);
    }

    /** Entering 财政局审核: the unit's leader approved this round. */
    public void requireLeaderApproval(DelegateExecution execution) {
        requireStage(execution, Stage.INTERNAL_REVIEW, "财政局审核");
        requireLastDecision(execution, "internalReview", "approve", "报告未经单位负责人审核同意，不能报送财政局");
        requireUnchangedSinceChecks(execution);
    }

    /** Taking 审核通过: the finance bureau accepted this round. */
    public void requireFinanceAcceptance(DelegateExecution execution) {
        requireStage(execution, Stage.FINANCE_REVIEW, "审核通过");
        requireLastDecision(execution, "financeReview", "accept", "报告未经财政局审核通过，不能公开");
    }

    /** 生成并公开报告: only an accepted report, exactly as checked and reviewed. */
    public void requirePublishable(DelegateExecution execution) {
        requireStage(execution, Stage.ACCEPTED, "生成并公开报告");
        requireUnchangedSinceChecks(execution);
    }

    /** The parts of the report rewritten since its last checks (empty when none, or when it was never checked). */
    List<String> changedSinceChecks(DelegateExecution execution) {
        return index.checks(execution.getProcessInstanceId())
                .filter(c -> c.digest() != null)
                .map(c -> digest(execution).changedFrom(ReportDigest.decode(c.digest())))
                .orElse(List.of());
    }

    private void requireUnchangedSinceChecks(DelegateExecution execution) {
        List<String> changed = changedSinceChecks(execution);
        if (!changed.isEmpty()) {
            throw refused("报告在系统校验后被改动（" + String.join("、", changed) + "），不能继续");
        }
    }

    private ReportEntry requireStage(DelegateExecution execution, String stage, String step) {
        ReportEntry entry = index.find(execution.getProcessInstanceId())
                .orElseThrow(() -> refused("该报告没有从「开始编制报告」发起，不能进入「" + step + "」"));
        if (!stage.equals(entry.stage())) {
            throw refused("报告当前不在应有的环节，不能进入「" + step + "」");
        }
        return entry;
    }

    private void requireLastDecision(DelegateExecution execution, String step, String decision, String message) {
        List<ReviewComment> decisions = log.of(execution.getProcessInstanceId());
        ReviewComment last = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        if (last == null || !step.equals(last.step()) || !decision.equals(last.decision())) {
            throw refused(message);
        }
    }

    private ReportDigest digest(DelegateExecution execution) {
        Map<String, String> parts = new LinkedHashMap<>();
        reports.current(execution)
                .fields()
                .forEachRemaining(f -> parts.put(f.getKey(), f.getValue().toString()));
        JsonNode evaluation = variables.toJsonNode(execution.getVariable(ProcessVariables.EVALUATION));
        parts.put(ProcessVariables.EVALUATION, evaluation == null ? null : evaluation.toString());
        Object summary = execution.getVariable(ProcessVariables.EVALUATION_SUMMARY_TEXT);
        parts.put(ProcessVariables.EVALUATION_SUMMARY_TEXT, summary == null ? null : summary.toString());
        return ReportDigest.of(parts);
    }

    private static AuthorizationException refused(String message) {
        return new AuthorizationException(message);
    }
}
