package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Even input that is not schema-valid must not make the evaluator throw. */
class RobustnessTest {

    private final ReportEvaluator evaluator = new ReportEvaluator(ScoringSettings.defaults(), Samples.BANDS);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "1",
                "\"x\"",
                "{\"projects\": 5}",
                "{\"projects\": [1, null, \"x\"]}",
                "{\"projects\": [{}]}",
                "{\"projects\": [{\"indicators\": [{}, 3]}]}",
                "{\"projects\": [{\"funds\": {\"total\": {\"annualBudget\": \"x\"}, \"currentYearGrant\": 1}}]}",
                "{\"basicInfo\": {\"staffing\": {\"administrative\": 1}}, \"budget\": {\"assets\": {}, \"initial\": 2}}",
                "{\"performance\": {\"projectNarratives\": [{}, 1]}}"
            })
    void neverThrows(String json) {
        Evaluation evaluation = evaluator.evaluate(Samples.json(json));
        assertThat(EvaluationJson.toJson(evaluation, Samples.MAPPER)).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void astronomicalExponentsAreCheap() {
        String json = """
                {"budget": {"assets": {"totalAssets": 1E+999999999, "totalLiabilities": 1E-999999999,
                  "netAssets": -1E+999999999}},
                 "projects": [{"name": "p", "funds": {"weight": 1E-999999999,
                   "total": {"initialBudget": 1E+999999999, "annualBudget": 1E+1000, "executed": 1E+999}},
                   "indicators": [{"level1": "产出指标", "weight": 1E+999999999, "score": 1E-999999999}]}]}
                """;
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            Evaluation evaluation = evaluator.evaluate(Samples.json(json));
            assertThat(evaluation.projects())
                    .singleElement()
                    .satisfies(p -> assertThat(p.fundsScore()).isEqualByComparingTo("0"));
            assertThat(EvaluationJson.toJson(evaluation, Samples.MAPPER).toString())
                    .hasSizeLessThan(20_000);
        });
    }

    @org.junit.jupiter.api.Test
    void missingAndNullNodes() {
        assertThat(evaluator.evaluate(MissingNode.getInstance()).projects()).isEmpty();
        assertThat(evaluator.evaluate(NullNode.getInstance()).findings()).isEmpty();
        assertThat(evaluator.evaluate(null).findings()).isEmpty();
    }
}
