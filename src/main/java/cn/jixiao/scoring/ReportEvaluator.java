package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores and checks one schema-valid report (docs/RULES.md). Findings come in a fixed order: per project
 * (weights, indicators, funds, declared scores), then the report-level checks in document order, then the
 * narrative checks. Stateless and thread-safe when the grade table is.
 */
public final class ReportEvaluator {

    private final ScoringSettings settings;
    private final GradeTable gradeTable;

    public ReportEvaluator(ScoringSettings settings, GradeTable gradeTable) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.gradeTable = Objects.requireNonNull(gradeTable, "gradeTable");
    }

    public Evaluation evaluate(JsonNode report) {
        ProjectChecks projectChecks = new ProjectChecks(settings);
        List<ProjectEvaluation> projects = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<JsonNode> projectNodes = JsonFields.elements(report, "projects");
        for (int i = 0; i < projectNodes.size(); i++) {
            ProjectEvaluation computed = ProjectScoring.score(projectNodes.get(i));
            projects.add(computed);
            findings.addAll(projectChecks.check(projectNodes.get(i), i, computed));
        }
        findings.addAll(ReportChecks.check(report));
        findings.addAll(NarrativeChecks.check(report));

        boolean hasErrors = findings.stream().anyMatch(Finding::isError);
        List<ProjectEvaluation> graded = projects.stream()
                .map(p -> p.withGrade(hasErrors ? null : gradeTable.gradeFor(p.totalScore())))
                .toList();
        return new Evaluation(graded, findings);
    }
}
