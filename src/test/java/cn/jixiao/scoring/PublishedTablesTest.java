package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Golden tests on real published 项目支出绩效自评表 (issue 18), transcribed in src/test/resources/tables (sources in
 * its README): exactly the findings that are true of each, under the template each names, and what the national
 * template would have said of a Sichuan table.
 */
class PublishedTablesTest {

    private final ReportEvaluator evaluator = new ReportEvaluator(ScoringSettings.defaults(), Samples.BANDS);

    static ObjectNode table(String name) {
        try (InputStream in = PublishedTablesTest.class.getResourceAsStream("/tables/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing table " + name);
            }
            return (ObjectNode) Samples.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each table is taken in as it is: no department sections (scope projects), amounts to four decimals, no 得分. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"sichuan-qingshen-drc-2023.json", "chizhou-tangxi-2022.json", "sichuan-free-split-2023.json"})
    void everyTableIsSchemaValid(String name) {
        assertThat(cn.jixiao.report.ReportSchemaValidator.fromClasspath(Samples.MAPPER)
                        .validate(table(name)))
                .isEmpty();
    }

    /** 青神县发展和改革局 2023, 工资性支出: 得分 and 完成值 blank, the template's instructions left in four texts. */
    @Test
    void unscoredSichuanTableSaysWhatIsMissing() {
        Evaluation evaluation = evaluator.evaluate(table("sichuan-qingshen-drc-2023.json"));

        assertThat(evaluation.profile()).isEqualTo("sichuan");
        assertThat(evaluation.findings())
                .extracting(Finding::severity, Finding::code, Finding::pointer)
                .containsExactly(
                        tuple(Severity.ERROR, "SCORE_MISSING", "/projects/0/indicators/0/score"),
                        tuple(Severity.ERROR, "ACTUAL_MISSING", "/projects/0/indicators/0/actual"),
                        tuple(Severity.ERROR, "SCORE_MISSING", "/projects/0/indicators/1/score"),
                        tuple(Severity.ERROR, "ACTUAL_MISSING", "/projects/0/indicators/1/actual"),
                        tuple(Severity.WARNING, "TEMPLATE_TEXT_LEFT", "/projects/0/annualGoal/actual"),
                        tuple(Severity.WARNING, "TEMPLATE_TEXT_LEFT", "/projects/0/conclusion"),
                        tuple(Severity.WARNING, "TEMPLATE_TEXT_LEFT", "/projects/0/problems"),
                        tuple(Severity.WARNING, "TEMPLATE_TEXT_LEFT", "/projects/0/measures"));
        assertThat(evaluation.findings().get(0).message()).isEqualTo("三级指标“发放(缴纳)覆盖率”（第1项）未填写得分（分值60.00）");
        assertThat(evaluation.findings().get(1).message()).isEqualTo("三级指标“发放(缴纳)覆盖率”（第1项）未填写实际完成值");
        assertThat(evaluation.findings().get(4).message()).isEqualTo("实际完成情况仍是模板中的填写说明“(100字以内)”，应替换为实际内容");
        assertThat(evaluation.findings().get(5).message()).contains("评价结论", "(200字以内)");

        ProjectEvaluation project = evaluation.projects().get(0);
        // 预算执行率 = 预算执行数 ÷ 调整后预算数 = 251.89 ÷ 251.89; 年初 238.93 was raised, not cut.
        assertThat(project.executionRate()).isEqualByComparingTo("100");
        assertThat(project.fundsScore()).isEqualByComparingTo("10");
        assertThat(project.levels())
                .extracting(l -> l.weight().toPlainString())
                .containsExactly("60.00", "30.00", "0.00");
        assertThat(project.totalScore()).isEqualByComparingTo("10");
        assertThat(project.grade()).isNull();
    }

    /**
     * 棠溪镇 2022: amounts to the yuan (89.974, 132.912 万元), a 年度资金总额 row of 0/0/0 with 执行率 0 and 得分 0
     * written, and 全年预算数 cut to exactly the amount spent.
     */
    @Test
    void townshipTablesAtYuanPrecisionWithTheTotalRowLeftAtZero() {
        Evaluation evaluation = evaluator.evaluate(table("chizhou-tangxi-2022.json"));

        assertThat(evaluation.profile()).isNull();
        assertThat(evaluation.findings())
                .extracting(Finding::severity, Finding::code, Finding::pointer)
                .containsExactly(
                        tuple(Severity.ERROR, "FUND_LINES_SUM_MISMATCH", "/projects/0/funds/total/initialBudget"),
                        tuple(Severity.ERROR, "FUND_LINES_SUM_MISMATCH", "/projects/0/funds/total/annualBudget"),
                        tuple(Severity.ERROR, "FUND_LINES_SUM_MISMATCH", "/projects/0/funds/total/executed"),
                        tuple(Severity.WARNING, "BUDGET_CUT_TO_SPENDING", "/projects/0/funds/total/annualBudget"),
                        tuple(Severity.WARNING, "DECLARED_RATE_MISMATCH", "/projects/0/funds/declaredExecutionRate"),
                        tuple(Severity.WARNING, "DECLARED_SCORE_MISMATCH", "/projects/0/funds/declaredScore"),
                        tuple(Severity.ERROR, "FUND_LINES_SUM_MISMATCH", "/projects/1/funds/total/initialBudget"),
                        tuple(Severity.ERROR, "FUND_LINES_SUM_MISMATCH", "/projects/1/funds/total/annualBudget"),
                        tuple(Severity.ERROR, "FUND_LINES_SUM_MISMATCH", "/projects/1/funds/total/executed"),
                        tuple(Severity.WARNING, "BUDGET_CUT_TO_SPENDING", "/projects/1/funds/total/annualBudget"),
                        tuple(Severity.WARNING, "DECLARED_RATE_MISMATCH", "/projects/1/funds/declaredExecutionRate"),
                        tuple(Severity.WARNING, "DECLARED_SCORE_MISMATCH", "/projects/1/funds/declaredScore"));
        assertThat(evaluation.findings().get(1).message())
                .isEqualTo("全年预算数：当年财政拨款89.974万元加上年结转资金0.00万元加其他资金0.00万元（合计89.974万元）应等于年度资金总额，实填0.00万元");
        assertThat(evaluation.findings().get(3).message())
                .isEqualTo("年度资金总额（按其中各项资金合计）的全年预算数89.974万元低于年初预算数90.00万元且恰好等于全年执行数，执行率因此为100%，应填写预算调整原因");
        assertThat(evaluation.findings().get(4).message())
                .isEqualTo("执行率填写为0%，按全年执行数89.974万元除以全年预算数89.974万元计算应为100.00%");
        assertThat(evaluation.findings().get(5).message()).isEqualTo("预算执行率得分填写为0.00，按执行率100.00%计算应为10.00");
        assertThat(evaluation.findings().get(9).message()).contains("132.912", "202.64");

        for (ProjectEvaluation project : evaluation.projects()) {
            assertThat(project.executionRate()).isEqualByComparingTo("100");
            assertThat(project.fundsScore()).isEqualByComparingTo("10");
            assertThat(project.totalScore()).isEqualByComparingTo("100");
            assertThat(project.grade()).isNull();
        }
        // ≥50个 / 50, ≥100百分比 / 100, ≤90万元 / 90 and ≥90% / ≥90% are read; the qualitative rows are not.
        assertThat(evaluation.projects().get(0).indicators())
                .extracting(IndicatorSuggestion::suggestedScore)
                .usingElementComparator(PublishedTablesTest::compareNullable)
                .containsExactly(
                        new BigDecimal("8"),
                        new BigDecimal("8"),
                        null,
                        null,
                        new BigDecimal("8"),
                        null,
                        null,
                        null,
                        null,
                        BigDecimal.TEN);
    }

    /** 大英县司法局 (90/0/0) and a 67.5/22.5/0 table on the Sichuan template: nothing to say. */
    @Test
    void sichuanFreeSplitTablesAreClean() {
        Evaluation evaluation = evaluator.evaluate(table("sichuan-free-split-2023.json"));

        assertThat(evaluation.findings()).isEmpty();
        assertThat(evaluation.projects())
                .extracting(p -> p.totalScore().toPlainString(), ProjectEvaluation::grade)
                .containsExactly(tuple("100.00", "优"), tuple("99.88", "优"));
        // 指标性质 "=", 指标值 "100", 度量单位 "%" read as =100%; actual values written with comparators are read too.
        assertThat(evaluation.projects().get(0).indicators().get(0).suggestedScore())
                .isEqualByComparingTo("90");
        assertThat(evaluation.projects().get(1).indicators())
                .extracting(IndicatorSuggestion::suggestedScore)
                .allSatisfy(s -> assertThat(s).isEqualByComparingTo("22.5"));
    }

    /** The same tables under the national template: the shares 50/30/10 do not fit them. */
    @Test
    void sichuanTablesUnderTheNationalTemplateGetTheShareWarnings() {
        ObjectNode report = table("sichuan-free-split-2023.json");
        report.remove("profile");
        Evaluation evaluation = evaluator.evaluate(report);

        assertThat(evaluation.findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(
                        tuple("LEVEL1_WEIGHT_MISMATCH", "/projects/0/indicators"),
                        tuple("LEVEL1_WEIGHT_MISMATCH", "/projects/0/indicators"),
                        tuple("LEVEL1_WEIGHT_MISMATCH", "/projects/0/indicators"),
                        tuple("LEVEL1_WEIGHT_MISMATCH", "/projects/1/indicators"),
                        tuple("LEVEL1_WEIGHT_MISMATCH", "/projects/1/indicators"),
                        tuple("LEVEL1_WEIGHT_MISMATCH", "/projects/1/indicators"));
        assertThat(evaluation.projects()).extracting(ProjectEvaluation::grade).containsExactly("优", "优");
    }

    /** A template not built in nor deployed: an ERROR naming it, the numbers under national. */
    @Test
    void anUnknownTemplateIsAnError() {
        ObjectNode report = table("sichuan-free-split-2023.json").put("profile", "hubei");
        Evaluation evaluation = evaluator.evaluate(report);

        assertThat(evaluation.findings().get(0))
                .extracting(Finding::severity, Finding::code, Finding::pointer)
                .containsExactly(Severity.ERROR, "PROFILE_UNKNOWN", "/profile");
        assertThat(evaluation.findings().get(0).message()).contains("hubei");
        assertThat(evaluation.profile()).isEqualTo("national");
        assertThat(evaluation.projects()).allSatisfy(p -> assertThat(p.grade()).isNull());
    }

    private static int compareNullable(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return a == b ? 0 : 1;
        }
        return a.compareTo(b);
    }
}
