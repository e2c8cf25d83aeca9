package cn.jixiao.web;

import cn.jixiao.report.ReportSchemaValidator;
import cn.jixiao.report.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one 400 every endpoint that takes a report body gives for a body that breaks the schema. Numbers typed as
 * text (１２３, 1,234.5, 12万元) are read into the exact numbers first; a text that is no such number is refused.
 */
@Component
public class ReportBodyValidation {

    private final ReportSchemaValidator validator;

    public ReportBodyValidation(ReportSchemaValidator validator) {
        this.validator = validator;
    }

    /** The report with its typed numbers read; a 400 naming every field that breaks the schema. */
    public JsonNode requireValid(JsonNode report) {
        ReportSchemaValidator.TypedReport typed = validator.readTypedNumbers(report);
        List<Violation> violations = new ArrayList<>(typed.refused());
        Set<String> refusedAt = new HashSet<>();
        typed.refused().forEach(v -> refusedAt.add(v.pointer()));
        // A refused text is also of the wrong type for the schema: one message per field is enough.
        validator.validate(typed.report()).stream()
                .filter(v -> !refusedAt.contains(v.pointer()))
                .forEach(violations::add);
        if (!violations.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "报告不符合格式要求，共" + violations.size() + "处问题", violations);
        }
        return typed.report();
    }
}
