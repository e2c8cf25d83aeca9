package cn.jixiao.web;

import cn.jixiao.scoring.EvaluationJson;
import cn.jixiao.scoring.ReportAssessment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A dry run: scores and checks a report body without starting anything, for clerks and budget systems. */
@RestController
class EvaluationController {

    private final ReportBodyValidation bodies;
    private final ReportAssessment assessment;
    private final ObjectMapper mapper;

    EvaluationController(ReportBodyValidation bodies, ReportAssessment assessment, ObjectMapper mapper) {
        this.bodies = bodies;
        this.assessment = assessment;
        this.mapper = mapper;
    }

    @PostMapping(
            path = "/api/evaluations",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public JsonNode evaluate(@RequestBody JsonNode body) {
        JsonNode report = bodies.requireValid(body);
        return EvaluationJson.toJson(assessment.assess(report), mapper);
    }
}
