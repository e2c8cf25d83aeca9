package cn.jixiao.scoring;

import java.util.List;

/**
 * The result of evaluating one report: one entry per project, all findings, and the 评分模板 used when the report
 * named one ({@code profile}; null when it named none, which means the national template).
 */
public record Evaluation(List<ProjectEvaluation> projects, List<Finding> findings, String profile) {

    public Evaluation {
        projects = List.copyOf(projects);
        findings = List.copyOf(findings);
    }

    /** An evaluation of a report that names no template (scored with the national one). */
    public Evaluation(List<ProjectEvaluation> projects, List<Finding> findings) {
        this(projects, findings, null);
    }

    /** True when any finding is an ERROR, i.e. the report cannot be submitted for review. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }
}
