package cn.jixiao.scoring;

import java.util.List;

/** The result of evaluating one report: one entry per project, and all findings. */
public record Evaluation(List<ProjectEvaluation> projects, List<Finding> findings) {

    public Evaluation {
        projects = List.copyOf(projects);
        findings = List.copyOf(findings);
    }

    /** True when any finding is an ERROR, i.e. the report cannot be submitted for review. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }
}
