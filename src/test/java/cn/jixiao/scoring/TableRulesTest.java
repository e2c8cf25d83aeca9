package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules issue 18 added, each at its boundaries, on the corrected sample (which has no finding of its own):
 * templates, unfinished tables, template text, budget cuts, the 执行率 written, the total row of 0, named fund lines,
 * four-decimal amounts, project-only reports.
 */
class TableRulesTest {

    private final ReportEvaluator evaluator = new ReportEvaluator(ScoringSettings.defaults(), Samples.BANDS);

    private ObjectNode report = Samples.corrected();

    private ObjectNode funds() {
        return (ObjectNode) report.at("/projects/0/funds");
    }

    private ObjectNode line(String name) {
        return (ObjectNode) funds().get(name);
    }

    private Evaluation evaluate() {
        return evaluator.evaluate(report);
    }

    private List<String> codes() {
        return evaluate().findings().stream()
                .map(f -> f.code() + " " + f.pointer())
                .toList();
    }

    /** Both the total row and 当年财政拨款 (which carries everything in the sample) set to the same figures. */
    private void setFunds(String initial, String annual, String executed) {
        for (String name : List.of("total", "currentYearGrant")) {
            line(name)
                    .put("initialBudget", new BigDecimal(initial))
                    .put("annualBudget", new BigDecimal(annual))
                    .put("executed", new BigDecimal(executed));
        }
    }

    @Nested
    class UnfinishedTables {

        @Test
        void aMissingScoreIsAnErrorAndNothingElseIsSaidOfIt() {
            Samples.indicator(report, 0, 0).remove("score");
            assertThat(evaluate().findings())
                    .extracting(Finding::severity, Finding::code, Finding::pointer)
                    .containsExactly(tuple(Severity.ERROR, "SCORE_MISSING", "/projects/0/indicators/0/score"));
            assertThat(evaluate().projects().get(0).totalScore()).isEqualByComparingTo("85.75");
        }

        @Test
        void aScoreOfZeroIsAScore() {
            Samples.indicator(report, 0, 0).put("score", 0);
            // the sample's row carries its 偏差原因分析, so a 得分 of 0 gives nothing to say
            assertThat(codes()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\u3000"})
        void aBlankActualValueIsAnError(String blank) {
            Samples.indicator(report, 0, 1).put("actual", blank);
            assertThat(evaluate().findings())
                    .extracting(Finding::severity, Finding::code, Finding::pointer)
                    .containsExactly(tuple(Severity.ERROR, "ACTUAL_MISSING", "/projects/0/indicators/1/actual"));
        }

        @Test
        void anAbsentActualValueIsAnErrorAndZeroIsAValue() {
            Samples.indicator(report, 0, 1).remove("actual");
            assertThat(codes()).containsExactly("ACTUAL_MISSING /projects/0/indicators/1/actual");
            Samples.indicator(report, 0, 1).put("actual", "0");
            assertThat(codes()).isEmpty();
        }
    }

    @Nested
    class TemplateText {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "对照年度目标，说明相关任务目标的完成情况(100字以内)|(100字以内)",
                    "（200字以内）|（200字以内）",
                    "( 100 字以内 )|( 100 字以内 )",
                    "对照年度目标，逐项说明完成情况|对照年度目标，逐项说明",
                    "请填写实际完成情况|请填写"
                })
        void instructionsLeftInATextAreAWarning(String text, String quoted) {
            ((ObjectNode) report.at("/projects/0/annualGoal")).put("actual", text);
            Evaluation evaluation = evaluate();
            assertThat(evaluation.findings())
                    .extracting(Finding::severity, Finding::code, Finding::pointer)
                    .containsExactly(tuple(Severity.WARNING, "TEMPLATE_TEXT_LEFT", "/projects/0/annualGoal/actual"));
            assertThat(evaluation.findings().get(0).message()).contains("实际完成情况", quoted);
        }

        @ParameterizedTest
        @ValueSource(strings = {"对照年度目标，全部完成", "完成100字的宣传稿", "全年完成100个（含补录）", "按期完成"})
        void ordinaryTextIsNot(String text) {
            ((ObjectNode) report.at("/projects/0/annualGoal")).put("actual", text);
            assertThat(codes()).isEmpty();
        }

        @Test
        void textsOutsideTheTablesAreCheckedToo() {
            report.put("otherNotes", "（500字以内）");
            assertThat(codes()).containsExactly("TEMPLATE_TEXT_LEFT /otherNotes");
        }
    }

    @Nested
    class BudgetCutToSpending {

        @Test
        void budgetCutToExactlyTheAmountSpentWithoutAReasonIsAWarning() {
            setFunds("400", "390", "390");
            assertThat(codes()).containsExactly("BUDGET_CUT_TO_SPENDING /projects/0/funds/total/annualBudget");
            assertThat(evaluate().findings().get(0).message()).contains("390.00", "400.00", "预算调整原因");
        }

        @Test
        void aReasonSilencesIt() {
            setFunds("400", "390", "390");
            funds().put("adjustmentReason", "年中压减一般性支出10万元。");
            assertThat(codes()).isEmpty();
        }

        @ParameterizedTest(name = "年初 {0}, 全年 {1}, 执行 {2}")
        @CsvSource({"400, 390.0001, 390", "390, 390, 390", "389.9999, 390, 390", "400, 400, 390"})
        void notACutToSpending(String initial, String annual, String executed) {
            setFunds(initial, annual, executed);
            assertThat(codes()).doesNotContain("BUDGET_CUT_TO_SPENDING /projects/0/funds/total/annualBudget");
        }

        @Test
        void atFourDecimals() {
            setFunds("390.0001", "390", "390");
            assertThat(codes()).containsExactly("BUDGET_CUT_TO_SPENDING /projects/0/funds/total/annualBudget");
        }
    }

    @Nested
    class DeclaredExecutionRate {

        @ParameterizedTest(name = "{0}% written for 97.50%")
        @ValueSource(strings = {"97.5", "97.50", "98", "97.5000"})
        void agreesAtThePrecisionWritten(String written) {
            funds().put("declaredExecutionRate", new BigDecimal(written));
            assertThat(codes()).isEmpty();
        }

        @ParameterizedTest(name = "{0}% written for 97.50%")
        @ValueSource(strings = {"97", "97.49", "97.51", "97.4", "100", "0"})
        void differs(String written) {
            funds().put("declaredExecutionRate", new BigDecimal(written));
            assertThat(codes()).containsExactly("DECLARED_RATE_MISMATCH /projects/0/funds/declaredExecutionRate");
        }
    }

    @Nested
    class TotalRowOfZero {

        @Test
        void isReadFromItsSubLines() {
            line("total").put("initialBudget", 0).put("annualBudget", 0).put("executed", 0);
            funds().put("declaredScore", 9.75);
            Evaluation evaluation = evaluate();
            assertThat(evaluation.projects().get(0).executionRate()).isEqualByComparingTo("97.5");
            assertThat(evaluation.projects().get(0).fundsScore()).isEqualByComparingTo("9.75");
            // The written 0 is still wrong; the declared 9.75 agrees with the sub-lines' figures.
            assertThat(codes())
                    .containsExactly(
                            "FUND_LINES_SUM_MISMATCH /projects/0/funds/total/initialBudget",
                            "FUND_LINES_SUM_MISMATCH /projects/0/funds/total/annualBudget",
                            "FUND_LINES_SUM_MISMATCH /projects/0/funds/total/executed");
        }

        @Test
        void withSubLinesOfZeroTooTheBudgetIsZero() {
            setFunds("0", "0", "0");
            assertThat(codes()).containsExactly("BUDGET_ZERO /projects/0/funds/total/annualBudget");
            assertThat(evaluate().projects().get(0).executionRate()).isNull();
        }

        @Test
        void aTotalRowWithAnyFigureIsTakenAsWritten() {
            line("total").put("initialBudget", 0).put("annualBudget", 0).put("executed", new BigDecimal("0.0001"));
            assertThat(codes()).contains("BUDGET_ZERO /projects/0/funds/total/annualBudget");
        }
    }

    @Nested
    class NamedFundLines {

        @Test
        void theSumCheckCoversThem() {
            line("total").put("initialBudget", 410).put("annualBudget", 410).put("executed", 395.5);
            funds().putArray("additionalLines")
                    .addObject()
                    .put("name", "单位资金")
                    .put("initialBudget", 10)
                    .put("annualBudget", 10)
                    .put("executed", new BigDecimal("5.5"));
            assertThat(codes()).isEmpty();
            ((ObjectNode) funds().at("/additionalLines/0")).put("executed", new BigDecimal("5.4999"));
            assertThat(codes()).containsExactly("FUND_LINES_SUM_MISMATCH /projects/0/funds/total/executed");
            assertThat(evaluate().findings().get(0).message()).contains("单位资金5.4999万元", "合计395.4999万元");
        }
    }

    @Nested
    class Templates {

        @Test
        void sichuanAsksForAReasonBelowNinetyPercent() {
            report.put("profile", "sichuan");
            Samples.project(report, 0)
                    .put("conclusion", "较好")
                    .put("problems", "无")
                    .put("measures", "无");
            setFunds("400", "400", "359.96"); // 89.99%
            assertThat(codes()).containsExactly("LOW_EXECUTION_REASON_MISSING /projects/0/funds/lowExecutionReason");
            setFunds("400", "400", "360"); // 90.00%
            assertThat(codes()).isEmpty();
            setFunds("400", "400", "359.96");
            funds().put("lowExecutionReason", "部分采购合同年底未能结算。");
            assertThat(codes()).isEmpty();
        }

        @Test
        void nationalAsksForNoReason() {
            setFunds("400", "400", "200");
            assertThat(codes()).isEmpty();
        }

        @Test
        void sichuanBasesTheRateOnTheAdjustedBudget() {
            report.put("profile", "sichuan");
            line("total").put("adjustedBudget", 390);
            assertThat(evaluate().projects().get(0).executionRate()).isEqualByComparingTo("100");
            line("total").put("adjustedBudget", 0);
            assertThat(codes()).contains("BUDGET_ZERO /projects/0/funds/total/adjustedBudget");
            report.remove("profile");
            assertThat(evaluate().projects().get(0).executionRate())
                    .as("national: 全年预算数")
                    .isEqualByComparingTo("97.5");
        }

        @Test
        void sichuanExpectsItsConclusionFields() {
            report.put("profile", "sichuan");
            assertThat(codes())
                    .containsExactly(
                            "EXPECTED_FIELD_MISSING /projects/0/conclusion",
                            "EXPECTED_FIELD_MISSING /projects/0/problems",
                            "EXPECTED_FIELD_MISSING /projects/0/measures");
            Samples.project(report, 0)
                    .put("conclusion", " ")
                    .put("problems", "无")
                    .put("measures", "无");
            assertThat(codes()).containsExactly("EXPECTED_FIELD_MISSING /projects/0/conclusion");
        }

        @ParameterizedTest(name = "产出 {0} 效益 {1} 满意度 {2}")
        @CsvSource({"60, 30, 0", "90, 0, 0", "67.5, 22.5, 0", "50, 30, 10"})
        void sichuanTakesAnySplitOfNinety(String output, String effect, String satisfaction) {
            report.put("profile", "sichuan");
            Samples.project(report, 0)
                    .put("conclusion", "较好")
                    .put("problems", "无")
                    .put("measures", "无");
            setLevelWeights(new BigDecimal(output), new BigDecimal(effect), new BigDecimal(satisfaction));
            assertThat(codes()).isEmpty();
        }

        @Test
        void sichuanWarnsOfAnotherFundsWeightAndIndicatorTotal() {
            report.put("profile", "sichuan");
            Samples.project(report, 0)
                    .put("conclusion", "较好")
                    .put("problems", "无")
                    .put("measures", "无");
            funds().put("weight", 20);
            setLevelWeights(new BigDecimal(50), new BigDecimal(30), BigDecimal.ZERO);
            assertThat(codes())
                    .containsExactly(
                            "LEVEL1_WEIGHT_MISMATCH /projects/0/funds/weight",
                            "LEVEL1_WEIGHT_MISMATCH /projects/0/indicators");
            assertThat(evaluate().findings().get(1).message()).contains("90.00", "80.00", "自行分配");
        }

        @Test
        void nationalNamedExplicitlyIsReported() {
            report.put("profile", "national");
            assertThat(evaluate().profile()).isEqualTo("national");
            assertThat(EvaluationJson.toJson(evaluate(), Samples.MAPPER)
                            .get("profile")
                            .asText())
                    .isEqualTo("national");
            assertThat(EvaluationSummary.text(evaluate())).startsWith("【评分模板】national\n【得分】");
            report.remove("profile");
            assertThat(EvaluationJson.toJson(evaluate(), Samples.MAPPER).has("profile"))
                    .isFalse();
            assertThat(EvaluationSummary.text(evaluate())).startsWith("【得分】");
        }

        @Test
        void anUnknownTemplateIsAnError() {
            report.put("profile", "zhejiang");
            assertThat(codes()).containsExactly("PROFILE_UNKNOWN /profile");
            assertThat(evaluate().projects().get(0).grade()).isNull();
        }

        @Test
        void aTemplateWithItsOwnBandsGradesWithThem() {
            ScoringTemplate strict = new ScoringTemplate(
                    "strict",
                    "严格",
                    BigDecimal.TEN,
                    BigDecimal.valueOf(90),
                    ScoringTemplate.national(ScoringSettings.defaults()).levelShares(),
                    ScoringTemplate.ExecutionBase.ANNUAL_BUDGET,
                    null,
                    List.of(
                            new ScoringTemplate.GradeBand("优", BigDecimal.valueOf(95)),
                            new ScoringTemplate.GradeBand("良", BigDecimal.valueOf(85))),
                    List.of());
            TemplateCatalog catalog = id -> id.equals("strict")
                    ? java.util.Optional.of(strict)
                    : TemplateCatalog.builtIn(ScoringSettings.defaults()).find(id);
            report.put("profile", "strict");
            assertThat(new ReportEvaluator(catalog, Samples.BANDS)
                            .evaluate(report)
                            .projects()
                            .get(0)
                            .grade())
                    .isEqualTo("良"); // 94.75
            Samples.indicator(report, 0, 0).put("score", 0);
            Samples.indicator(report, 0, 1).put("score", 0);
            assertThat(new ReportEvaluator(catalog, Samples.BANDS)
                            .evaluate(report)
                            .projects()
                            .get(0)
                            .grade())
                    .as("below every band")
                    .isNull();
        }

        private void setLevelWeights(BigDecimal output, BigDecimal effect, BigDecimal satisfaction) {
            // The sample's nine indicators: four 产出, four 效益, one 满意度; each level's weight goes to its first row.
            int[][] rows = {{0, 1, 2, 3}, {4, 5, 6, 7}, {8}};
            BigDecimal[] weights = {output, effect, satisfaction};
            for (int level = 0; level < 3; level++) {
                for (int k = 0; k < rows[level].length; k++) {
                    BigDecimal weight = k == 0 ? weights[level] : BigDecimal.ZERO;
                    Samples.indicator(report, 0, rows[level][k])
                            .put("weight", weight)
                            .put("score", weight);
                }
            }
        }
    }

    @Nested
    class ProjectOnlyReports {

        @Test
        void haveNoNarrativeFindings() {
            report.remove(List.of("basicInfo", "budget", "performance", "problems", "otherNotes"));
            report.put("scope", "projects");
            assertThat(codes()).isEmpty();
            report.put("scope", "department");
            assertThat(codes()).containsExactly("NARRATIVE_PROJECT_UNKNOWN /projects/0");
        }
    }

    @Nested
    class FourDecimalAmounts {

        @Test
        void aTenThousandthOfAWanYuanCounts() {
            line("currentYearGrant").put("executed", new BigDecimal("390.0001"));
            assertThat(codes()).containsExactly("FUND_LINES_SUM_MISMATCH /projects/0/funds/total/executed");
            assertThat(evaluate().findings().get(0).message()).contains("390.0001万元", "实填390.00万元");
        }

        @Test
        void messagesShowAmountsAsWritten() {
            ((ObjectNode) report.at("/budget/assets")).put("netAssets", new BigDecimal("1190.9701"));
            assertThat(evaluate().findings())
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).isEqualTo("资产总额1190.97万元减负债总额0.00万元应等于净资产，实填1190.9701万元"));
        }
    }
}
