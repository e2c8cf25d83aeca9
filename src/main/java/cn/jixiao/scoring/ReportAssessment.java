package cn.jixiao.scoring;

import cn.jixiao.report.ReportSchemaValidator;
import cn.jixiao.report.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The whole check of a report: first the schema (each violation an ERROR finding SCHEMA_VIOLATION, and nothing
 * scored, since scores of a malformed report mean nothing), then the scores and checks of {@link ReportEvaluator}.
 */
public final class ReportAssessment {

    private final ReportSchemaValidator validator;
    private final ReportEvaluator evaluator;

    public ReportAssessment(ReportSchemaValidator validator, ReportEvaluator evaluator) {
        this.validator = validator;
        this.evaluator = evaluator;
    }

    public Evaluation assess(JsonNode report) {
        List<Violation> violations = validator.validate(report);
        if (!violations.isEmpty()) {
            return new Evaluation(
                    List.of(),
                    violations.stream()
                            .map(v -> Finding.schemaViolation(v.pointer(), v.message()))
                            .toList());
        }
        return evaluator.evaluate(report);
    }

    /**
     * The findings that concern one section alone, for a report in which that section is schema-valid and the others
     * may be missing (a section being drafted): every rule whose finding points into the section, except
     * NARRATIVE_PROJECT_UNKNOWN, which compares two sections and so waits for the whole report.
     */
    public List<Finding> sectionFindings(JsonNode report, String sectionKey) {
        String root = "/" + sectionKey;
        return evaluator.evaluate(report).findings().stream()
                .filter(f -> f.pointer().equals(root) || f.pointer().startsWith(root + "/"))
                .filter(f -> !FindingCodes.NARRATIVE_PROJECT_UNKNOWN.equals(f.code()))
                .toList();
    }
}
