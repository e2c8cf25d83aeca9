package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /api/evaluations (dry run) and GET /api/reports/{id}/evaluation, per docs/RULES.md. */
class EvaluationHttpTest extends HttpTestSupport {

    private static String asPublished() throws Exception {
        try (InputStream in = EvaluationHttpTest.class.getResourceAsStream(
                "/examples/hengshan-approval-bureau-2022.as-published.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void sampleAsPublishedGivesTheTenFindingsAndNoGrade() throws Exception {
        long before = reportCount();
        Response response = postJson("clerk", "/api/evaluations", asPublished());

        assertThat(response.status()).isEqualTo(200);
        JsonNode evaluation = response.json();
        assertThat(evaluation.at("/projects/0/totalScore").decimalValue()).isEqualByComparingTo("105.75");
        assertThat(evaluation.at("/projects/0/grade").isNull()).isTrue();
        List<String> findings = new ArrayList<>();
        evaluation
                .get("findings")
                .forEach(f -> findings.add(f.get("severity").asText() + " "
                        + f.get("code").asText() + " " + f.get("pointer").asText()));
        assertThat(findings)
                .containsExactlyInAnyOrder(
                        "ERROR WEIGHT_TOTAL_NOT_100 /projects/0",
                        "WARNING LEVEL1_WEIGHT_MISMATCH /projects/0/indicators",
                        "WARNING LEVEL1_WEIGHT_MISMATCH /projects/0/indicators",
                        "WARNING DEVIATION_NOTE_MISSING /projects/0/indicators/0/deviationNote",
                        "WARNING DEVIATION_NOTE_MISSING /projects/0/indicators/2/deviationNote",
                        "WARNING DEVIATION_NOTE_MISSING /projects/0/indicators/3/deviationNote",
                        "WARNING DEVIATION_NOTE_MISSING /projects/0/indicators/4/deviationNote",
                        "WARNING DECLARED_SCORE_MISMATCH /projects/0/funds/declaredScore",
                        "WARNING DECLARED_TOTAL_MISMATCH /projects/0/declaredTotalScore",
                        "WARNING ASSETS_EQUATION /budget/assets/netAssets");
        evaluation
                .get("findings")
                .forEach(f -> assertThat(hasChinese(f.get("message").asText())).isTrue());
        assertThat(reportCount()).as("a dry run starts nothing").isEqualTo(before);
    }

    @Test
    void correctedSampleScores94point75Excellent() {
        Response response = postJson("finance", "/api/evaluations", sample());

        assertThat(response.status()).isEqualTo(200);
        JsonNode evaluation = response.json();
        assertThat(evaluation.get("findings")).isEmpty();
        assertThat(evaluation.at("/projects/0/executionRate").decimalValue()).isEqualByComparingTo("97.5");
        assertThat(evaluation.at("/projects/0/fundsScore").decimalValue()).isEqualByComparingTo("9.75");
        assertThat(evaluation.at("/projects/0/totalScore").decimalValue()).isEqualByComparingTo("94.75");
        assertThat(evaluation.at("/projects/0/grade").asText()).isEqualTo("优");
        // Numbers are JSON numbers with at most two decimals.
        assertThat(response.body())
                .contains("\"totalScore\":94.75")
                .doesNotContain("E+")
                .doesNotContain("\"94.75\"");
    }

    @Test
    void numbersTypedAsTextAreReadExactlyOrRefusedByName() {
        ObjectNode typed = sample();
        JsonNode total = sample().at("/projects/0/funds/total");
        // The same figures as people type them: full-width digits, thousands separators, a trailing 万元.
        ((ObjectNode) typed.at("/projects/0/funds/total"))
                .put(
                        "annualBudget",
                        fullWidth(total.get("annualBudget").decimalValue().toPlainString()))
                .put("executed", total.get("executed").decimalValue().toPlainString() + "万元");
        ((ObjectNode) typed.at("/basicInfo/staffing"))
                .put("onDuty", fullWidth(typed.at("/basicInfo/staffing/onDuty").asText()));

        Response response = postJson("clerk", "/api/evaluations", typed);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/projects/0/fundsScore").decimalValue()).isEqualByComparingTo("9.75");
        assertThat(response.json().at("/projects/0/totalScore").decimalValue()).isEqualByComparingTo("94.75");

        ((ObjectNode) typed.at("/projects/0/funds/total"))
                .put("annualBudget", "1O0")
                .put("executed", "12.34567");
        Response refused = postJson("clerk", "/api/evaluations", typed);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors"))
                .extracting(e -> e.get("pointer").asText())
                .containsExactly("/projects/0/funds/total/annualBudget", "/projects/0/funds/total/executed");
        assertThat(refused.json().at("/errors/0/message").asText())
                .contains("全年预算数")
                .contains("「O」不是数字");
        assertThat(refused.json().at("/errors/1/message").asText())
                .contains("全年执行数")
                .contains("最多4位小数");
    }

    private static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == '.' ? '．' : c);
        }
        return out.toString();
    }

    @Test
    void aBodyThatBreaksTheSchemaGetsTheSame400AsStartingAReport() {
        ObjectNode broken = sample();
        broken.remove("unit");
        ((ObjectNode) broken.at("/budget/initial")).put("revenueTotal", -1);

        Response dryRun = postJson("clerk", "/api/evaluations", broken);
        Response start = postJson("clerk", "/api/reports", broken);

        assertThat(dryRun.status()).isEqualTo(400);
        assertThat(start.status()).isEqualTo(400);
        assertThat(dryRun.json().get("errors")).isEqualTo(start.json().get("errors"));
        assertThat(dryRun.json().get("errors"))
                .extracting(e -> e.get("pointer").asText())
                .containsExactlyInAnyOrder("/unit", "/budget/initial/revenueTotal");
    }

    @Test
    void noBodyEverGivesA500() {
        ObjectNode huge = sample();
        ((ObjectNode) huge.at("/projects/0/funds/total")).put("annualBudget", new java.math.BigDecimal("1e300"));
        ObjectNode zero = sample();
        ((ObjectNode) zero.at("/projects/0/funds/total")).put("annualBudget", 0);
        ObjectNode empty = sample();
        empty.putArray("projects");
        List<String> bodies = List.of(
                "",
                "null",
                "[]",
                "{}",
                "42",
                "\"x\"",
                "{\"projects\": [{}]}",
                "{".repeat(5000),
                write(huge),
                write(zero),
                write(empty),
                "{\"schemaVersion\": 1e99999}");
        for (String body : bodies) {
            Response response = postJson("clerk", "/api/evaluations", body);
            assertThat(response.status())
                    .as("body %s", body.length() > 40 ? body.substring(0, 40) : body)
                    .isIn(200, 400);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at cn.jixiao");
        }
        Response zeroBudget = postJson("clerk", "/api/evaluations", zero);
        assertThat(zeroBudget.json().get("findings"))
                .anySatisfy(f -> assertThat(f.get("code").asText()).isEqualTo("BUDGET_ZERO"));
        assertThat(zeroBudget.json().at("/projects/0/executionRate").isNull()).isTrue();
    }

    @Test
    void theStoredEvaluationIsReadableByTheUnitOnlyAfterSubmission() {
        String drafting = startReport("clerk", sample());
        assertThat(get("clerk", "/api/reports/" + drafting + "/evaluation").status())
                .isEqualTo(404);

        String submitted = reportInInternalReview();
        Response own = get("leader", "/api/reports/" + submitted + "/evaluation");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().at("/projects/0/totalScore").decimalValue()).isEqualByComparingTo("94.75");
        assertThat(own.json().at("/projects/0/grade").asText()).isEqualTo("优");

        Response other = get("clerk2", "/api/reports/" + submitted + "/evaluation");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("94.75");
        assertThat(get(null, "/api/reports/" + submitted + "/evaluation").status())
                .isEqualTo(401);
    }
}
