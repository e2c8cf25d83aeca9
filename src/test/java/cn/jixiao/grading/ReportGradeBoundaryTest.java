package cn.jixiao.grading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.scoring.Evaluation;
import cn.jixiao.scoring.EvaluationJson;
import cn.jixiao.scoring.ReportEvaluator;
import cn.jixiao.scoring.Samples;
import cn.jixiao.scoring.ScoringSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 总分 boundaries through the whole evaluator with the DMN grade table. */
class ReportGradeBoundaryTest {

    private static final ReportEvaluator EVALUATOR =
            new ReportEvaluator(ScoringSettings.defaults(), new DmnGradeTable());

    /** The corrected sample with indicator scores set so that 总分 (9.75 + scores) is exactly {@code total}. */
    private static ObjectNode reportWithTotal(BigDecimal total) {
        ObjectNode report = Samples.corrected();
        BigDecimal rest = total.subtract(new BigDecimal("9.75"));
        for (JsonNode node : report.get("projects").get(0).get("indicators")) {
            ObjectNode indicator = (ObjectNode) node;
            BigDecimal score = rest.min(indicator.get("weight").decimalValue());
            indicator.put("score", score).put("deviationNote", "偏差说明");
            rest = rest.subtract(score);
        }
        assertThat(rest.signum()).isZero();
        return report;
    }

    @ParameterizedTest(name = "总分 {0} -> {1}")
    @CsvSource({"99.75, 优", "90, 优", "89.99, 良", "80, 良", "79.99, 中", "60, 中", "59.99, 差", "9.75, 差"})
    void gradeAtTheBandBoundaries(BigDecimal total, String grade) {
        Evaluation evaluation = EVALUATOR.evaluate(reportWithTotal(total));
        assertThat(evaluation.findings()).isEmpty();
        assertThat(evaluation.projects().get(0).totalScore()).isEqualByComparingTo(total);
        assertThat(evaluation.projects().get(0).grade()).isEqualTo(grade);
    }

    @Test
    void correctedSampleIsExcellentAndAsPublishedHasNoGrade() {
        assertThat(EVALUATOR.evaluate(Samples.corrected()).projects().get(0).grade())
                .isEqualTo("优");
        Evaluation published = EVALUATOR.evaluate(Samples.load(Samples.AS_PUBLISHED));
        assertThat(published.projects().get(0).grade()).isNull();
        assertThat(EvaluationJson.toJson(published, Samples.MAPPER)
                        .at("/projects/0/grade")
                        .isNull())
                .isTrue();
    }
}
