package cn.jixiao.record;

import cn.jixiao.report.ProcessVariables;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The steps the review log records: the two review steps, their decision and comment variables, and the decisions
 * each allows; and the two steps of a correction (更正), which are no user tasks: the finance bureau's request
 * (through the API) and the publication after it (by the publication job).
 */
public enum ReviewStep {
    INTERNAL(
            "internalReview",
            "单位负责人审核",
            ProcessVariables.LEADER_DECISION,
            ProcessVariables.LEADER_COMMENT,
            Map.of("approve", "同意", "return", "退回修改")),
    FINANCE(
            "financeReview",
            "财政局审核",
            ProcessVariables.FINANCE_DECISION,
            ProcessVariables.FINANCE_COMMENT,
            Map.of("accept", "审核通过", "return", "退回修改")),
    CORRECTION("correction", "更正已公开的报告", null, null, Map.of(ReviewStep.REQUEST, "撤下公开并退回单位更正")),
    PUBLICATION("publication", "生成并公开报告", null, null, Map.of(ReviewStep.REPUBLISH, "已更正，重新公开"));

    public static final String RETURN = "return";
    /** The finance bureau asks for a correction of a published report. */
    public static final String REQUEST = "request";
    /** A corrected report is published again. */
    public static final String REPUBLISH = "republish";

    private final String taskId;
    private final String label;
    private final String decisionVariable;
    private final String commentVariable;
    private final Map<String, String> decisions;

    ReviewStep(
            String taskId,
            String label,
            String decisionVariable,
            String commentVariable,
            Map<String, String> decisions) {
        this.taskId = taskId;
        this.label = label;
        this.decisionVariable = decisionVariable;
        this.commentVariable = commentVariable;
        this.decisions = decisions;
    }

    public String taskId() {
        return taskId;
    }

    public String label() {
        return label;
    }

    public String decisionVariable() {
        return decisionVariable;
    }

    public String commentVariable() {
        return commentVariable;
    }

    /** Decision value → Chinese label. */
    public Map<String, String> decisions() {
        return decisions;
    }

    public static Optional<ReviewStep> byTaskId(String taskId) {
        return Arrays.stream(values()).filter(s -> s.taskId.equals(taskId)).findFirst();
    }
}
