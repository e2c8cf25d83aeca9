package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One test per rule at its boundaries. Each starts from the corrected sample (which has no findings), changes
 * one thing and expects exactly the listed findings.
 */
class ReportChecksRulesTest {

    private final ReportEvaluator evaluator = new ReportEvaluator(ScoringSettings.defaults(), Samples.BANDS);
    private final ObjectNode report = Samples.corrected();

    private Evaluation evaluate() {
        return evaluator.evaluate(report);
    }

    private List<Finding> findings() {
        return evaluate().findings();
    }

    private static Tuple error(String code, String pointer) {
        return tuple(Severity.ERROR, code, pointer);
    }

    private static Tuple warning(String code, String pointer) {
        return tuple(Severity.WARNING, code, pointer);
    }

    private void assertFindings(Tuple... expected) {
        assertThat(findings())
                .extracting(Finding::severity, Finding::code, Finding::pointer)
                .containsExactly(expected);
    }

    private ObjectNode project() {
        return Samples.project(report, 0);
    }

    private ObjectNode indicator(int j) {
        return Samples.indicator(report, 0, j);
    }

    private ObjectNode funds() {
        return (ObjectNode) project().get("funds");
    }

    private ObjectNode fundLine(String line) {
        return (ObjectNode) funds().get(line);
    }

    private ObjectNode budget(String part) {
        return (ObjectNode) report.get("budget").get(part);
    }

    private ObjectNode staffing() {
        return (ObjectNode) report.get("basicInfo").get("staffing");
    }

    private ObjectNode assets() {
        return budget("assets");
    }

    @Nested
    class WeightTotal {

        @Test
        void weightsAddingToExactly100GiveNoFinding() {
            indicator(0).put("weight", new BigDecimal("10.00"));
            assertFindings();
        }

        @Test
        void weightsAddingTo100_01AreAnError() {
            indicator(8).put("weight", new BigDecimal("10.01")).put("deviationNote", "略");
            assertFindings(
                    error("WEIGHT_TOTAL_NOT_100", "/projects/0"),
                    warning("LEVEL1_WEIGHT_MISMATCH", "/projects/0/indicators"));
            assertThat(findings().get(0).message()).contains("100.01");
            assertThat(evaluate().projects().get(0).grade()).isNull();
        }

        @Test
        void weightsAddingTo99_99AreAnError() {
            funds().put("weight", new BigDecimal("9.99"));
            assertFindings(
                    error("WEIGHT_TOTAL_NOT_100", "/projects/0"),
                    warning("LEVEL1_WEIGHT_MISMATCH", "/projects/0/funds/weight"));
        }
    }

    @Nested
    class Level1Weights {

        @Test
        void sharesMovedBetweenLevelsGiveOneWarningPerLevel() {
            indicator(0).put("weight", 11);
            indicator(4).put("weight", 6);
            assertFindings(
                    warning("LEVEL1_WEIGHT_MISMATCH", "/projects/0/indicators"),
                    warning("LEVEL1_WEIGHT_MISMATCH", "/projects/0/indicators"));
            assertThat(findings().get(0).message()).contains("产出指标", "50.00", "51.00");
            assertThat(findings().get(1).message()).contains("效益指标", "30.00", "29.00");
        }

        @Test
        void fundsWeightOtherThan10IsAWarning() {
            funds().put("weight", 11);
            indicator(8).put("weight", 9).put("score", 9);
            assertFindings(
                    warning("LEVEL1_WEIGHT_MISMATCH", "/projects/0/funds/weight"),
                    warning("LEVEL1_WEIGHT_MISMATCH", "/projects/0/indicators"));
            assertThat(evaluate().projects().get(0).fundsScore()).isEqualByComparingTo("10.73");
        }

        @Test
        void sharesComeFromTheSettings() {
            ScoringSettings bureau =
                    new ScoringSettings(new BigDecimal(40), new BigDecimal(40), BigDecimal.TEN, BigDecimal.TEN);
            Evaluation evaluation = new ReportEvaluator(bureau, Samples.BANDS).evaluate(report);
            assertThat(evaluation.findings())
                    .extracting(Finding::code, Finding::message)
                    .containsExactly(
                            tuple("LEVEL1_WEIGHT_MISMATCH", "产出指标各三级指标分值合计应为40.00，实为50.00"),
                            tuple("LEVEL1_WEIGHT_MISMATCH", "效益指标各三级指标分值合计应为40.00，实为30.00"));
            assertThat(evaluation.projects().get(0).grade()).isEqualTo("优");
        }

        @Test
        void aLevelWithoutIndicatorsIsAWarning() {
            indicator(8).put("level1", "效益指标");
            assertFindings(
                    warning("LEVEL1_WEIGHT_MISMATCH", "/projects/0/indicators"),
                    warning("LEVEL1_WEIGHT_MISMATCH", "/projects/0/indicators"));
            assertThat(findings().get(1).message()).contains("满意度指标", "0.00");
        }
    }

    @Nested
    class ScoreAboveWeight {

        @Test
        void scoreEqualToWeightIsFine() {
            indicator(0).put("score", 10);
            assertFindings();
        }

        @Test
        void scoreAboveWeightIsAnErrorAndRemovesTheGrade() {
            indicator(8).put("score", new BigDecimal("10.01"));
            assertFindings(error("SCORE_EXCEEDS_WEIGHT", "/projects/0/indicators/8/score"));
            assertThat(evaluate().projects().get(0).totalScore()).isEqualByComparingTo("94.76");
            assertThat(evaluate().projects().get(0).grade()).isNull();
        }
    }

    @Nested
    class DeviationNote {

        @Test
        void writtenNoteBelowWeightIsFine() {
            assertThat(indicator(0).get("score").intValue()).isEqualTo(9);
            assertFindings();
        }

        @Test
        void emptyNoteBelowWeightIsAWarning() {
            indicator(0).put("deviationNote", "");
            assertFindings(warning("DEVIATION_NOTE_MISSING", "/projects/0/indicators/0/deviationNote"));
        }

        @Test
        void whitespaceNoteBelowWeightIsAWarning() {
            indicator(0).put("deviationNote", " \u3000\n");
            assertFindings(warning("DEVIATION_NOTE_MISSING", "/projects/0/indicators/0/deviationNote"));
        }

        @Test
        void absentNoteBelowWeightIsAWarning() {
            indicator(2).remove("deviationNote");
            assertFindings(warning("DEVIATION_NOTE_MISSING", "/projects/0/indicators/2/deviationNote"));
        }

        @Test
        void blankNoteAtFullWeightIsFine() {
            indicator(1).put("deviationNote", "");
            indicator(1).remove("deviationNote");
            assertFindings();
        }

        @Test
        void scoreOneCentBelowWeightNeedsANote() {
            indicator(1).put("score", new BigDecimal("9.99"));
            assertFindings(warning("DEVIATION_NOTE_MISSING", "/projects/0/indicators/1/deviationNote"));
        }
    }

    @Nested
    class SuggestedScores {

        private BigDecimal suggestion(int j) {
            return evaluate().projects().get(0).indicators().get(j).suggestedScore();
        }

        @Test
        void higherIsBetterMetGivesFullWeight() {
            indicator(1).put("target", "≥17个").put("actual", "17个");
            assertThat(suggestion(1)).isEqualByComparingTo("10");
            assertFindings();
        }

        @Test
        void higherIsBetterNotMetGivesActualOverTargetAndWarnsAboveIt() {
            indicator(1).put("target", "≥17个").put("actual", "15个");
            assertThat(suggestion(1)).isEqualByComparingTo("8.82");
            indicator(1).put("score", new BigDecimal("8.82")).put("deviationNote", "未全部完成");
            assertFindings();
            indicator(1).put("score", new BigDecimal("8.83"));
            assertFindings(warning("SCORE_ABOVE_SUGGESTED", "/projects/0/indicators/1/score"));
            assertThat(findings().get(0).message()).contains("8.83", "8.82", "≥17个", "15个");
        }

        @Test
        void lowerIsBetterMetGivesFullWeight() {
            indicator(3).put("target", "≤400万元").put("actual", "400万元");
            assertThat(suggestion(3)).isEqualByComparingTo("15");
            assertFindings();
        }

        @Test
        void lowerIsBetterNotMetGivesTargetOverActual() {
            indicator(3).put("target", "≤400万元").put("actual", "410万元").put("score", 15);
            assertThat(suggestion(3)).isEqualByComparingTo("14.63");
            assertFindings(warning("SCORE_ABOVE_SUGGESTED", "/projects/0/indicators/3/score"));
        }

        @Test
        void differentUnitsGiveNoSuggestion() {
            indicator(1).put("target", "≥17个").put("actual", "15项");
            assertThat(suggestion(1)).isNull();
            assertFindings();
        }

        @Test
        void unreadableTargetGivesNoSuggestion() {
            assertThat(indicator(0).get("target").textValue()).isEqualTo("万元");
            assertThat(suggestion(0)).isNull();
            assertThat(indicator(2).get("target").textValue()).isEqualTo("按时完成");
            assertThat(suggestion(2)).isNull();
        }

        @Test
        void scoreAboveWeightAndAboveSuggestionGivesBothFindings() {
            indicator(8).put("target", "≥95%").put("actual", "90%").put("score", 11);
            assertFindings(
                    error("SCORE_EXCEEDS_WEIGHT", "/projects/0/indicators/8/score"),
                    warning("SCORE_ABOVE_SUGGESTED", "/projects/0/indicators/8/score"));
        }
    }

    @Nested
    class FundsTotal {

        private void setBudgetAndExecuted(String annualBudget, String executed) {
            for (String line : List.of("total", "currentYearGrant")) {
                fundLine(line)
                        .put("annualBudget", new BigDecimal(annualBudget))
                        .put("executed", new BigDecimal(executed));
            }
        }

        @Test
        void zeroBudgetIsAnErrorAndGivesNoRate() {
            setBudgetAndExecuted("0", "0");
            assertFindings(error("BUDGET_ZERO", "/projects/0/funds/total/annualBudget"));
            ProjectEvaluation p = evaluate().projects().get(0);
            assertThat(p.executionRate()).isNull();
            assertThat(p.fundsScore()).isEqualByComparingTo("0");
            assertThat(p.totalScore()).isEqualByComparingTo("85");
            assertThat(p.grade()).isNull();
            var json = EvaluationJson.toJson(evaluate(), Samples.MAPPER);
            assertThat(json.at("/projects/0/executionRate").isNull()).isTrue();
            assertThat(json.at("/projects/0/grade").isNull()).isTrue();
        }

        @Test
        void zeroBudgetWithSpendingAlsoWarnsAboutTheExcess() {
            setBudgetAndExecuted("0", "390");
            assertFindings(
                    error("BUDGET_ZERO", "/projects/0/funds/total/annualBudget"),
                    warning("EXECUTED_EXCEEDS_BUDGET", "/projects/0/funds/total/executed"));
        }

        @Test
        void oneCentBudgetGivesARate() {
            setBudgetAndExecuted("0.01", "0.01");
            // 全年预算数 cut from 400 to exactly the 0.01 spent, without a reason: the new rule says so.
            assertFindings(warning("BUDGET_CUT_TO_SPENDING", "/projects/0/funds/total/annualBudget"));
            assertThat(evaluate().projects().get(0).executionRate()).isEqualByComparingTo("100");
        }

        @Test
        void executedEqualToBudgetIsFullMarks() {
            setBudgetAndExecuted("400", "400");
            assertFindings();
            assertThat(evaluate().projects().get(0).fundsScore()).isEqualByComparingTo("10");
        }

        @Test
        void executedAboveBudgetIsAWarningAndCapsTheScore() {
            setBudgetAndExecuted("400", "400.01");
            assertFindings(warning("EXECUTED_EXCEEDS_BUDGET", "/projects/0/funds/total/executed"));
            ProjectEvaluation p = evaluate().projects().get(0);
            assertThat(p.executionRate()).isEqualByComparingTo("100.00");
            assertThat(p.fundsScore()).isEqualByComparingTo("10");
        }

        @Test
        void declaredScoreEqualToComputedIsFine() {
            funds().put("declaredScore", new BigDecimal("9.75"));
            project().put("declaredTotalScore", new BigDecimal("94.75"));
            assertFindings();
        }

        @Test
        void declaredScoreOneCentOffIsAWarning() {
            funds().put("declaredScore", new BigDecimal("9.74"));
            assertFindings(warning("DECLARED_SCORE_MISMATCH", "/projects/0/funds/declaredScore"));
        }

        @Test
        void declaredTotalOneCentOffIsAWarning() {
            project().put("declaredTotalScore", new BigDecimal("94.76"));
            assertFindings(warning("DECLARED_TOTAL_MISMATCH", "/projects/0/declaredTotalScore"));
        }
    }

    @Nested
    class FundSubLines {

        @Test
        void mismatchInOneColumnIsOneErrorAtThatColumn() {
            fundLine("currentYearGrant").put("executed", new BigDecimal("389.99"));
            assertFindings(error("FUND_LINES_SUM_MISMATCH", "/projects/0/funds/total/executed"));
        }

        @Test
        void mismatchInTheInitialBudgetColumn() {
            fundLine("other").put("initialBudget", new BigDecimal("0.01"));
            assertFindings(error("FUND_LINES_SUM_MISMATCH", "/projects/0/funds/total/initialBudget"));
            assertThat(findings().get(0).message()).contains("年初预算数", "其他资金0.01万元", "400.01", "400.00");
        }

        @Test
        void subLinesMayBeSplitDifferently() {
            fundLine("currentYearGrant").put("annualBudget", 300).put("executed", 290);
            fundLine("priorYearCarryover").put("annualBudget", 60).put("executed", 60);
            fundLine("other").put("annualBudget", 40).put("executed", 40);
            assertFindings();
        }

        @Test
        void noSubLinesIsNotChecked() {
            funds().remove(List.of("currentYearGrant", "priorYearCarryover", "other"));
            assertFindings();
        }

        @Test
        void subLinesNotGivenCountAsZero() {
            funds().remove(List.of("priorYearCarryover", "other"));
            assertFindings();
            fundLine("currentYearGrant").put("annualBudget", 300);
            assertFindings(error("FUND_LINES_SUM_MISMATCH", "/projects/0/funds/total/annualBudget"));
        }
    }

    @Nested
    class BudgetSplit {

        @Test
        void initialBudgetSplitOneCentOffIsAnError() {
            budget("initial").put("basicExpenditure", new BigDecimal("164.21"));
            assertFindings(error("BUDGET_SPLIT_MISMATCH", "/budget/initial/expenditureTotal"));
            assertThat(evaluate().projects().get(0).grade()).isNull();
        }

        @Test
        void finalAccountsSplitOneCentOffIsAnError() {
            budget("finalAccounts").put("projectExpenditure", new BigDecimal("639.90"));
            assertFindings(error("BUDGET_SPLIT_MISMATCH", "/budget/finalAccounts/expenditureTotal"));
            assertThat(findings().get(0).message()).isEqualTo("部门决算：基本支出181.26万元加项目支出639.90万元应等于总支出，实填821.17万元");
        }
    }

    @Nested
    class Staffing {

        @Test
        void partsNotAddingUpIsAnError() {
            staffing().put("administrative", 4);
            assertFindings(error("STAFF_SPLIT_MISMATCH", "/basicInfo/staffing/authorizedTotal"));
            assertThat(findings().get(0).message()).isEqualTo("行政编制数4人加事业编制数10人加工勤人员编制数1人应等于核定编制数合计，实填14人");
        }

        @Test
        void partsNotGivenAreNotChecked() {
            staffing().remove(List.of("administrative", "publicInstitution", "logistics"));
            assertFindings();
        }

        @Test
        void onDutyEqualToAuthorizedIsFine() {
            assertThat(staffing().get("onDuty").intValue())
                    .isEqualTo(staffing().get("authorizedTotal").intValue());
            assertFindings();
        }

        @Test
        void onDutyAboveAuthorizedIsAWarning() {
            staffing().put("onDuty", 15);
            assertFindings(warning("STAFF_OVER_AUTHORIZED", "/basicInfo/staffing/onDuty"));
        }
    }

    @Nested
    class ThreePublicExpenses {

        @Test
        void actualEqualToBudgetIsFine() {
            ((ObjectNode) budget("threePublicExpenses").get("budget")).put("vehicles", 3);
            ((ObjectNode) budget("threePublicExpenses").get("actual")).put("vehicles", 3);
            assertFindings();
        }

        @Test
        void actualAboveBudgetIsAWarningAtThatItem() {
            ((ObjectNode) budget("threePublicExpenses").get("actual")).put("officialReception", new BigDecimal("0.01"));
            assertFindings(warning("THREE_PUBLIC_OVER_BUDGET", "/budget/threePublicExpenses/actual/officialReception"));
            assertThat(findings().get(0).message()).contains("公务接待费", "0.01", "0.00");
        }
    }

    @Nested
    class Assets {

        @Test
        void equationHoldingWithLiabilitiesIsFine() {
            assets().put("totalLiabilities", new BigDecimal("100.5")).put("netAssets", new BigDecimal("1090.47"));
            assertFindings();
        }

        @Test
        void negativeNetAssetsAreFine() {
            assets().put("totalAssets", 10)
                    .put("totalLiabilities", 20)
                    .put("netAssets", -10)
                    .put("fixedAssetsOriginalValue", 10)
                    .put("assetsInUse", 10);
            assertFindings();
        }

        @Test
        void equationOneCentOffIsAWarning() {
            assets().put("netAssets", new BigDecimal("1190.96"));
            assertFindings(warning("ASSETS_EQUATION", "/budget/assets/netAssets"));
        }

        @Test
        void assetsInUseAboveOriginalValueIsAWarning() {
            assets().put("assetsInUse", new BigDecimal("1190.98"));
            assertFindings(warning("ASSETS_IN_USE_EXCEEDS", "/budget/assets/assetsInUse"));
        }

        @Test
        void assetsInUseWithoutOriginalValueIsNotChecked() {
            assets().remove("fixedAssetsOriginalValue");
            assets().put("assetsInUse", new BigDecimal("5000"));
            assertFindings();
        }
    }

    @Nested
    class Narratives {

        private ObjectNode narrative(int i) {
            return (ObjectNode)
                    report.get("performance").get("projectNarratives").get(i);
        }

        @Test
        void narrativeNamingAnUnknownProjectWarnsBothWays() {
            narrative(0).put("projectName", "政务大厅改造");
            assertFindings(
                    warning("NARRATIVE_PROJECT_UNKNOWN", "/performance/projectNarratives/0"),
                    warning("NARRATIVE_PROJECT_UNKNOWN", "/projects/0"));
        }

        @Test
        void projectWithoutNarrativeIsAWarning() {
            ((ObjectNode) report.get("performance")).remove("projectNarratives");
            assertFindings(warning("NARRATIVE_PROJECT_UNKNOWN", "/projects/0"));
        }

        @Test
        void whiteSpaceAndFullWidthFormsDoNotMatter() {
            narrative(0).put("projectName", " 大综窗 标准化改革 ");
            assertFindings();
        }
    }

    @Nested
    class Grades {

        @Test
        void anErrorAnywhereRemovesEveryGrade() {
            ObjectNode second = project().deepCopy();
            second.put("name", "第二个项目");
            ((com.fasterxml.jackson.databind.node.ArrayNode) report.get("projects")).add(second);
            ((com.fasterxml.jackson.databind.node.ArrayNode)
                            report.get("performance").get("projectNarratives"))
                    .addObject()
                    .put("projectName", "第二个项目")
                    .put("text", "完成");
            assertFindings();
            assertThat(evaluate().projects())
                    .extracting(ProjectEvaluation::grade)
                    .containsExactly("优", "优");

            Samples.indicator(report, 1, 0).put("score", 11);
            assertFindings(error("SCORE_EXCEEDS_WEIGHT", "/projects/1/indicators/0/score"));
            assertThat(evaluate().projects())
                    .extracting(ProjectEvaluation::grade)
                    .containsExactly(null, null);
        }

        @Test
        void gradeTableGetsTheTotal() {
            List<BigDecimal> seen = new java.util.ArrayList<>();
            new ReportEvaluator(ScoringSettings.defaults(), total -> {
                        seen.add(total);
                        return "X";
                    })
                    .evaluate(report);
            assertThat(seen).singleElement().satisfies(t -> assertThat(t).isEqualByComparingTo("94.75"));
        }
    }
}
