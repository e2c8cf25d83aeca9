package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores and checks one schema-valid report (docs/RULES.md) under the 评分模板 it names ({@code profile}; absent:
 * national). Findings come in a fixed order: an unknown template first, then per project (weights, indicators,
 * funds, declared figures, the template's fields), then the report-level checks in document order, then template
 * instructions left in texts, then the narrative checks (not for a report of {@code scope} projects, which has no
 * narrative). Stateless and thread-safe when the grade table and the catalog are.
 */
public final class ReportEvaluator {

    private final TemplateCatalog templates;
    private final GradeTable gradeTable;

    /** With the built-in templates, national with these standard shares. */
    public ReportEvaluator(ScoringSettings settings, GradeTable gradeTable) {
        this(TemplateCatalog.builtIn(Objects.requireNonNull(settings, "settings")), gradeTable);
    }

    /**
     * @param templates where the report's template is found
     * @param gradeTable the grade of templates that define no bands of their own (the deployed DMN table)
     */
    public ReportEvaluator(TemplateCatalog templates, GradeTable gradeTable) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.gradeTable = Objects.requireNonNull(gradeTable, "gradeTable");
    }

    public Evaluation evaluate(JsonNode report) {
        List<Finding> findings = new ArrayList<>();
        String named = JsonFields.text(report, "profile");
        Optional<ScoringTemplate> found = templates.find(named == null ? ScoringTemplate.DEFAULT_ID : named);
        if (found.isEmpty()) {
            findings.add(Finding.error(
                    FindingCodes.PROFILE_UNKNOWN,
                    "/profile",
                    "评分模板“" + named + "”不存在（内置：national 全国通用、sichuan 四川省；其他模板须由管理员部署），" + "暂按全国通用模板计算"));
        }
        ScoringTemplate template = found.or(() -> templates.find(ScoringTemplate.DEFAULT_ID))
                .orElseGet(() -> ScoringTemplate.national(ScoringSettings.defaults()));

        ProjectChecks projectChecks = new ProjectChecks(template);
        List<ProjectEvaluation> projects = new ArrayList<>();
        List<JsonNode> projectNodes = JsonFields.elements(report, "projects");
        for (int i = 0; i < projectNodes.size(); i++) {
            ProjectEvaluation computed = ProjectScoring.score(projectNodes.get(i), template);
            projects.add(computed);
            findings.addAll(projectChecks.check(projectNodes.get(i), i, computed));
        }
        findings.addAll(ReportChecks.check(report));
        findings.addAll(TemplateTextChecks.check(report));
        if (!"projects".equals(JsonFields.text(report, "scope"))) {
            findings.addAll(NarrativeChecks.check(report));
        }

        boolean hasErrors = findings.stream().anyMatch(Finding::isError);
        GradeTable grades = template.gradeBands().isEmpty() ? gradeTable : template::gradeFor;
        List<ProjectEvaluation> graded = projects.stream()
                .map(p -> p.withGrade(hasErrors ? null : grades.gradeFor(p.totalScore())))
                .toList();
        return new Evaluation(graded, findings, named == null ? null : template.id());
    }
}
