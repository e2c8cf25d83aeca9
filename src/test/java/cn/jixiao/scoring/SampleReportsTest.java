package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Golden tests: the two samples give exactly the numbers and findings of docs/RULES.md. */
class SampleReportsTest {

    private final ReportEvaluator evaluator = new ReportEvaluator(ScoringSettings.defaults(), Samples.BANDS);

    @Test
    void asPublishedGivesTheTenFindingsOfRulesMd() {
        Evaluation evaluation = evaluator.evaluate(Samples.load(Samples.AS_PUBLISHED));

        assertThat(evaluation.projects()).hasSize(1);
        ProjectEvaluation project = evaluation.projects().get(0);
        assertThat(project.name()).isEqualTo("大综窗标准化改革");
        assertThat(project.executionRate()).isEqualByComparingTo("97.50");
        assertThat(project.fundsScore()).isEqualByComparingTo("9.75");
        assertThat(project.levels())
                .extracting(
                        LevelSubtotal::level1,
                        l -> l.weight().toPlainString(),
                        l -> l.score().toPlainString())
                .containsExactly(
                        tuple("产出指标", "60.00", "57.00"),
                        tuple("效益指标", "31.00", "29.00"),
                        tuple("满意度指标", "10.00", "10.00"));
        assertThat(project.indicators()).hasSize(9).allMatch(i -> i.suggestedScore() == null);
        assertThat(project.totalScore()).isEqualByComparingTo("105.75");
        assertThat(project.grade()).isNull();

        assertThat(evaluation.hasErrors()).isTrue();
        assertThat(evaluation.findings())
                .extracting(Finding::severity, Finding::code, Finding::pointer)
                .containsExactly(
                        tuple(Severity.ERROR, "WEIGHT_TOTAL_NOT_100", "/projects/0"),
                        tuple(Severity.WARNING, "LEVEL1_WEIGHT_MISMATCH", "/projects/0/indicators"),
                        tuple(Severity.WARNING, "LEVEL1_WEIGHT_MISMATCH", "/projects/0/indicators"),
                        tuple(Severity.WARNING, "DEVIATION_NOTE_MISSING", "/projects/0/indicators/0/deviationNote"),
                        tuple(Severity.WARNING, "DEVIATION_NOTE_MISSING", "/projects/0/indicators/2/deviationNote"),
                        tuple(Severity.WARNING, "DEVIATION_NOTE_MISSING", "/projects/0/indicators/3/deviationNote"),
                        tuple(Severity.WARNING, "DEVIATION_NOTE_MISSING", "/projects/0/indicators/4/deviationNote"),
                        tuple(Severity.WARNING, "DECLARED_SCORE_MISMATCH", "/projects/0/funds/declaredScore"),
                        tuple(Severity.WARNING, "DECLARED_TOTAL_MISMATCH", "/projects/0/declaredTotalScore"),
                        tuple(Severity.WARNING, "ASSETS_EQUATION", "/budget/assets/netAssets"));
        assertThat(evaluation.findings().get(0).message()).contains("111.00");
        assertThat(evaluation.findings().get(1).message()).contains("产出指标", "50.00", "60.00");
        assertThat(evaluation.findings().get(2).message()).contains("效益指标", "30.00", "31.00");
        assertThat(evaluation.findings().get(7).message()).contains("9.00", "9.75");
        assertThat(evaluation.findings().get(8).message()).contains("96.00", "105.75");
        assertThat(evaluation.findings().get(9).message()).isEqualTo("资产总额1190.97万元减负债总额0.00万元应等于净资产，实填554.07万元");
    }

    @Test
    void asPublishedJsonHasNullGradeAndTenFindings() {
        var json = EvaluationJson.toJson(evaluator.evaluate(Samples.load(Samples.AS_PUBLISHED)), Samples.MAPPER);

        assertThat(json.at("/projects/0/grade").isNull()).isTrue();
        assertThat(json.at("/projects/0/totalScore").decimalValue()).isEqualByComparingTo("105.75");
        assertThat(json.get("findings")).hasSize(10);
        assertThat(Samples.reparse(json.at("/findings/9"))).isEqualTo(Samples.json("""
                { "severity": "WARNING", "code": "ASSETS_EQUATION", "pointer": "/budget/assets/netAssets",
                  "message": "资产总额1190.97万元减负债总额0.00万元应等于净资产，实填554.07万元" }
                """));
    }

    @Test
    void correctedGivesTheFullEvaluationJsonOfRulesMd() {
        Evaluation evaluation = evaluator.evaluate(Samples.corrected());

        assertThat(evaluation.findings()).isEmpty();
        assertThat(evaluation.hasErrors()).isFalse();
        assertThat(Samples.reparse(EvaluationJson.toJson(evaluation, Samples.MAPPER)))
                .isEqualTo(Samples.json("""
                {
                  "projects": [
                    {
                      "name": "大综窗标准化改革",
                      "executionRate": 97.5,
                      "fundsScore": 9.75,
                      "levels": [
                        { "level1": "产出指标", "weight": 50, "score": 47 },
                        { "level1": "效益指标", "weight": 30, "score": 28 },
                        { "level1": "满意度指标", "weight": 10, "score": 10 }
                      ],
                      "indicators": [
                        { "index": 0, "suggestedScore": null },
                        { "index": 1, "suggestedScore": null },
                        { "index": 2, "suggestedScore": null },
                        { "index": 3, "suggestedScore": null },
                        { "index": 4, "suggestedScore": null },
                        { "index": 5, "suggestedScore": null },
                        { "index": 6, "suggestedScore": null },
                        { "index": 7, "suggestedScore": null },
                        { "index": 8, "suggestedScore": null }
                      ],
                      "totalScore": 94.75,
                      "grade": "优"
                    }
                  ],
                  "findings": []
                }
                """));
    }
}
