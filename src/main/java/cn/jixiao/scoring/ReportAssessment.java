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
      return new Evaluation(List.of(),
          violations.stream().map(v -> Finding.schemaViolation(v.pointer(), v.message())).toList());
    }
    return evaluator.evaluate(report);
  }
}
