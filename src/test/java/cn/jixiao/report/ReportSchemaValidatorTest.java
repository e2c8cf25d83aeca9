package cn.jixiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSchemaValidatorTest {

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final ReportSchemaValidator validator = ReportSchemaValidator.fromClasspath(mapper);

    private ObjectNode sample() throws Exception {
        try (InputStream in =
                getClass().getResourceAsStream("/examples/hengshan-approval-bureau-2022.corrected.json")) {
            return (ObjectNode) mapper.readTree(in);
        }
    }

    @Test
    void bothSamplesAreValid() throws Exception {
        assertThat(validator.validate(sample())).isEmpty();
        try (InputStream in =
                getClass().getResourceAsStream("/examples/hengshan-approval-bureau-2022.as-published.json")) {
            assertThat(validator.validate(mapper.readTree(in))).isEmpty();
        }
    }

    /** A form's empty text field ("") is "not given" where the text is optional, and stays "不能为空" where required. */
    @Test
    void emptyOptionalTextsAreDroppedAndEmptyRequiredTextsStay() throws Exception {
        ObjectNode report = sample();
        ((ObjectNode) report.at("/projects/0")).put("conclusion", "").put("measures", "措施。");
        ((ObjectNode) report.at("/projects/0/funds")).put("adjustmentReason", "");
        ((ObjectNode) report.at("/projects/0/annualGoal")).put("expected", "");
        ((ObjectNode) report.at("/budget/finalAccounts")).put("varianceReason", "");
        ((ObjectNode) report.at("/projects/0/indicators/0")).put("nature", "");
        int last =
                report.withArray("/performance/overallGoalAchievements").add("").size() - 1;

        JsonNode cleaned = validator.withoutEmptyOptionalTexts(report);

        assertThat(cleaned.at("/projects/0").has("conclusion")).isFalse();
        assertThat(cleaned.at("/projects/0/measures").asText()).isEqualTo("措施。");
        assertThat(cleaned.at("/projects/0/funds").has("adjustmentReason")).isFalse();
        assertThat(cleaned.at("/budget/finalAccounts").has("varianceReason")).isFalse();
        // a plain optional string may be empty; a required text and a list item stay for the clerk to fix
        assertThat(cleaned.at("/projects/0/indicators/0/nature").asText()).isEmpty();
        assertThat(validator.validate(cleaned))
                .extracting(Violation::pointer)
                .containsExactly("/performance/overallGoalAchievements/" + last, "/projects/0/annualGoal/expected");
        assertThat(report.at("/projects/0/conclusion").asText())
                .as("the report given is not changed")
                .isEmpty();
        assertThat(validator.withoutEmptyOptionalTexts(sample())).isEqualTo(sample());
    }

    @Test
    void missingFieldIsReportedAtItsOwnPointerWithItsChineseLabel() throws Exception {
        ObjectNode report = sample();
        report.remove("unit");
        List<Violation> violations = validator.validate(report);
        assertThat(violations).extracting(Violation::pointer).containsExactly("/unit");
        assertThat(violations.get(0).message()).contains("单位").contains("必填");
    }

    @Test
    void negativeAmountNamesTheFieldAndTheNumber() throws Exception {
        ObjectNode report = sample();
        ((ObjectNode) report.at("/projects/0/funds/total")).put("executed", -5);
        List<Violation> violations = validator.validate(report);
        assertThat(violations).extracting(Violation::pointer).containsExactly("/projects/0/funds/total/executed");
        assertThat(violations.get(0).message())
                .contains("项目1")
                .contains("年度资金总额")
                .contains("全年执行数")
                .contains("-5");
    }

    @Test
    void namesShownInFormsCarryNoMarkup() throws Exception {
        ObjectNode report = sample();
        ((ObjectNode) report.at("/projects/0")).put("name", "请点击[这里](http://example.invalid)领取补贴");
        ((ObjectNode) report.at("/unit")).put("name", "<img src=x>衡山县");
        List<Violation> violations = validator.validate(report);
        assertThat(violations)
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/projects/0/name", "/unit/name");
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).contains("标记符号"));
        ((ObjectNode) report.at("/projects/0")).put("name", "政务服务（“一网通办”）项目【2022】");
        ((ObjectNode) report.at("/unit")).put("name", "衡山县行政审批服务局");
        assertThat(validator.validate(report)).isEmpty();
    }

    @Test
    void wrongTypeUnknownFieldAndTooManyDecimals() throws Exception {
        ObjectNode report = sample();
        ((ObjectNode) report.at("/basicInfo/staffing")).put("authorizedTotal", "十四");
        report.put("remark", "x");
        ((ObjectNode) report.at("/budget/initial")).put("revenueTotal", new java.math.BigDecimal("179.20501"));
        List<Violation> violations = validator.validate(report);
        assertThat(violations)
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder(
                        "/basicInfo/staffing/authorizedTotal", "/remark", "/budget/initial/revenueTotal");
        assertThat(violations)
                .filteredOn(v -> v.pointer().equals("/basicInfo/staffing/authorizedTotal"))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("核定编制数合计").contains("整数"));
        assertThat(violations)
                .filteredOn(v -> v.pointer().equals("/budget/initial/revenueTotal"))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("四位小数"));
    }

    /** Amounts in 万元 keep up to four decimals (yuan precision, as townships publish them); scores keep two. */
    @Test
    void amountsKeepFourDecimalsAndScoresTwo() throws Exception {
        ObjectNode report = sample();
        ((ObjectNode) report.at("/projects/0/funds/total")).put("annualBudget", new java.math.BigDecimal("89.974"));
        ((ObjectNode) report.at("/projects/0/funds/total")).put("executed", new java.math.BigDecimal("89.9741"));
        ((ObjectNode) report.at("/budget/assets")).put("netAssets", new java.math.BigDecimal("-0.0001"));
        assertThat(validator.validate(report))
                .extracting(Violation::pointer)
                .doesNotContain(
                        "/projects/0/funds/total/annualBudget",
                        "/projects/0/funds/total/executed",
                        "/budget/assets/netAssets");
        ((ObjectNode) report.at("/projects/0/funds/total")).put("executed", new java.math.BigDecimal("89.97412"));
        ((ObjectNode) report.at("/projects/0/indicators/0")).put("score", new java.math.BigDecimal("9.125"));
        List<Violation> violations = validator.validate(report);
        assertThat(violations)
                .filteredOn(v -> v.pointer().equals("/projects/0/funds/total/executed"))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("全年执行数").contains("四位小数"));
        assertThat(violations)
                .filteredOn(v -> v.pointer().equals("/projects/0/indicators/0/score"))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("得分").contains("两位小数"));
    }

    @Test
    void sectionValidationKeepsOnlyThatSection() throws Exception {
        ObjectNode report = sample();
        report.remove("problems");
        ((ObjectNode) report.at("/basicInfo/staffing")).put("onDuty", -1);
        assertThat(validator.validateSection(report, "basicInfo"))
                .extracting(Violation::pointer)
                .containsExactly("/basicInfo/staffing/onDuty");
        assertThat(validator.validateSection(report, "budget")).isEmpty();
    }

    @Test
    void labelsComeFromTheSchemaDescriptions() {
        SchemaLabels labels = validator.labels();
        assertThat(labels.pathLabel("/budget/assets/netAssets")).isEqualTo("部门预决算情况 › 资产管理情况 (年末) › 净资产");
        assertThat(labels.pathLabel("/basicInfo/responsibilities/2")).isEqualTo("单位基本情况 › 部门主要职责 › 第3项");
        assertThat(labels.pathLabel("/projects/0/indicators/1/weight")).isEqualTo("预算支出绩效自评表 › 项目1 › 绩效指标 › 第2项 › 分值");
    }

    @Test
    void numbersTypedAsTextAreReadExactlyAndOthersRefusedByName() throws Exception {
        ObjectNode report = sample();
        ((ObjectNode) report.at("/projects/0/funds/total")).put("annualBudget", "1,234.5");
        ((ObjectNode) report.at("/projects/0/funds/total")).put("executed", "１２３万元");
        ((ObjectNode) report.at("/basicInfo/staffing")).put("onDuty", "１４");
        ReportSchemaValidator.TypedReport typed = validator.readTypedNumbers(report);
        assertThat(typed.refused()).isEmpty();
        assertThat(typed.report().at("/projects/0/funds/total/annualBudget").decimalValue())
                .isEqualByComparingTo("1234.5");
        assertThat(typed.report().at("/projects/0/funds/total/executed").decimalValue())
                .isEqualByComparingTo("123");
        assertThat(typed.report().at("/basicInfo/staffing/onDuty").isIntegralNumber())
                .isTrue();
        assertThat(typed.report().at("/basicInfo/staffing/onDuty").intValue()).isEqualTo(14);
        assertThat(validator.validate(typed.report())).isEmpty();
        // The report given is not changed: the reading is a copy.
        assertThat(report.at("/projects/0/funds/total/annualBudget").asText()).isEqualTo("1,234.5");

        ((ObjectNode) report.at("/projects/0/funds/total")).put("annualBudget", "12.34567");
        ((ObjectNode) report.at("/projects/0/funds/total")).put("executed", "1O0");
        List<Violation> refused = validator.readTypedNumbers(report).refused();
        assertThat(refused)
                .extracting(Violation::pointer)
                .containsExactly("/projects/0/funds/total/annualBudget", "/projects/0/funds/total/executed");
        assertThat(refused.get(0).message())
                .contains("全年预算数")
                .contains("最多4位小数")
                .contains("12.34567");
        assertThat(refused.get(1).message())
                .contains("全年执行数")
                .contains("「O」不是数字")
                .contains("1O0");
    }

    @Test
    void reportWithoutTypedTextsComesBackAsItIs() throws Exception {
        ObjectNode report = sample();
        ReportSchemaValidator.TypedReport typed = validator.readTypedNumbers(report);
        assertThat(typed.report()).isSameAs(report);
        assertThat(typed.refused()).isEmpty();
    }
}
