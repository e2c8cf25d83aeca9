package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's "done when": a project-only table on the Sichuan template, a table at yuan precision and an unscored
 * table each give 200 from POST /api/evaluations with only the findings that are true of them (the same as
 * PublishedTablesTest); a template an administrator deploys through /engine-rest applies at the next call.
 */
class PublishedTablesHttpTest extends HttpTestSupport {

    private static String table(String name) throws Exception {
        try (InputStream in = PublishedTablesHttpTest.class.getResourceAsStream("/tables/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> findings(JsonNode evaluation) {
        List<String> out = new ArrayList<>();
        evaluation
                .get("findings")
                .forEach(f ->
                        out.add(f.get("code").asText() + " " + f.get("pointer").asText()));
        return out;
    }

    @Test
    void projectOnlySichuanTableIsEvaluated() throws Exception {
        Response response = postJson("clerk", "/api/evaluations", table("sichuan-free-split-2023.json"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("profile").asText()).isEqualTo("sichuan");
        assertThat(response.json().get("findings")).isEmpty();
        assertThat(response.json().at("/projects/1/totalScore").decimalValue()).isEqualByComparingTo("99.88");
        assertThat(response.json().at("/projects/1/grade").asText()).isEqualTo("优");
    }

    @Test
    void tableAtYuanPrecisionIsEvaluated() throws Exception {
        Response response = postJson("clerk", "/api/evaluations", table("chizhou-tangxi-2022.json"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().has("profile")).as("absent means national").isFalse();
        assertThat(findings(response.json()))
                .containsExactly(
                        "FUND_LINES_SUM_MISMATCH /projects/0/funds/total/initialBudget",
                        "FUND_LINES_SUM_MISMATCH /projects/0/funds/total/annualBudget",
                        "FUND_LINES_SUM_MISMATCH /projects/0/funds/total/executed",
                        "BUDGET_CUT_TO_SPENDING /projects/0/funds/total/annualBudget",
                        "DECLARED_RATE_MISMATCH /projects/0/funds/declaredExecutionRate",
                        "DECLARED_SCORE_MISMATCH /projects/0/funds/declaredScore",
                        "FUND_LINES_SUM_MISMATCH /projects/1/funds/total/initialBudget",
                        "FUND_LINES_SUM_MISMATCH /projects/1/funds/total/annualBudget",
                        "FUND_LINES_SUM_MISMATCH /projects/1/funds/total/executed",
                        "BUDGET_CUT_TO_SPENDING /projects/1/funds/total/annualBudget",
                        "DECLARED_RATE_MISMATCH /projects/1/funds/declaredExecutionRate",
                        "DECLARED_SCORE_MISMATCH /projects/1/funds/declaredScore");
        assertThat(response.json().at("/projects/0/executionRate").decimalValue())
                .isEqualByComparingTo("100");
        assertThat(response.json().at("/projects/0/fundsScore").decimalValue()).isEqualByComparingTo("10");
        assertThat(response.body()).contains("89.974万元");
    }

    @Test
    void unscoredTableGetsFindingsNotAFormatError() throws Exception {
        Response response = postJson("clerk", "/api/evaluations", table("sichuan-qingshen-drc-2023.json"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(findings(response.json()))
                .containsExactly(
                        "SCORE_MISSING /projects/0/indicators/0/score",
                        "ACTUAL_MISSING /projects/0/indicators/0/actual",
                        "SCORE_MISSING /projects/0/indicators/1/score",
                        "ACTUAL_MISSING /projects/0/indicators/1/actual",
                        "TEMPLATE_TEXT_LEFT /projects/0/annualGoal/actual",
                        "TEMPLATE_TEXT_LEFT /projects/0/conclusion",
                        "TEMPLATE_TEXT_LEFT /projects/0/problems",
                        "TEMPLATE_TEXT_LEFT /projects/0/measures");
        assertThat(response.json().at("/projects/0/grade").isNull()).isTrue();
    }

    @Test
    void aTemplateDeployedThroughTheRestApiAppliesWithoutARestart() throws Exception {
        String report =
                table("sichuan-free-split-2023.json").replace("\"profile\": \"sichuan\"", "\"profile\": \"hubei\"");
        assertThat(findings(postJson("clerk", "/api/evaluations", report).json()))
                .contains("PROFILE_UNKNOWN /profile");

        String template;
        try (InputStream in = PublishedTablesHttpTest.class.getResourceAsStream("/templates/hubei.template.json")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String boundary = "----jixiao" + System.nanoTime();
        String multipart =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n评分模板\r\n"
                        + "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"hubei.template.json\"\r\n"
                        + "Content-Type: application/json\r\n\r\n" + template + "\r\n--" + boundary + "--\r\n";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", basic("admin", PASSWORD));
        headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        Response deployed =
                exchange("POST", "/engine-rest/deployment/create", headers, multipart.getBytes(StandardCharsets.UTF_8));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        try {
            Response response = postJson("clerk", "/api/evaluations", report);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("profile").asText()).isEqualTo("hubei");
            // Hubei gives 20 to the funds and 80 to the goals: these tables' 10 + 90 do not fit it.
            assertThat(findings(response.json()))
                    .contains("LEVEL1_WEIGHT_MISMATCH /projects/0/funds/weight")
                    .doesNotContain("PROFILE_UNKNOWN /profile");
        } finally {
            send(
                    "admin",
                    "DELETE",
                    "/engine-rest/deployment/" + deployed.json().path("id").asText() + "?cascade=true",
                    null,
                    null);
        }
        assertThat(findings(postJson("clerk", "/api/evaluations", report).json()))
                .contains("PROFILE_UNKNOWN /profile");
    }
}
