package cn.jixiao.web;

import cn.jixiao.report.ReportSchemaValidator;
import cn.jixiao.report.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The one 400 every endpoint that takes a report body gives for a body that breaks the schema. */
@Component
public class ReportBodyValidation {

  private final ReportSchemaValidator validator;

  public ReportBodyValidation(ReportSchemaValidator validator) {
    this.validator = validator;
  }

  public void requireValid(JsonNode report) {
    List<Violation> violations = validator.validate(report);
    if (!violations.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "报告不符合格式要求，共" + violations.size() + "处问题", violations);
    }
  }
}
