package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POST /api/reports refuses what breaks the schema with 400, one {pointer, message} per problem in Chinese, and
 * starts nothing.
 */
class ReportValidationHttpTest extends HttpTestSupport {

    @Test
    void missingUnitIsReportedAtSlashUnit() {
        ObjectNode report = sample();
        report.remove("unit");

        assertRefusedAt(write(report), "/unit");
    }

    @Test
    void negativeAmountIsReportedAtItsPointer() {
        ObjectNode report = sample();
        ((ObjectNode) report.path("budget").path("initial")).put("revenueTotal", -1);

        List<JsonNode> errors = assertRefusedAt(write(report), "/budget/initial/revenueTotal");
        assertThat(errors.get(0).path("message").asText()).contains("-1");
    }

    @Test
    void stringWhereANumberBelongsIsReportedAtItsPointer() {
        ObjectNode report = sample();
        // A number written as text is read exactly (README: numbers as people type them); a text that is no number is
        // not.
        ((ObjectNode) report.path("budget").path("initial")).put("revenueTotal", "一百七十九点二");

        List<JsonNode> errors = assertRefusedAt(write(report), "/budget/initial/revenueTotal");
        assertThat(errors.get(0).path("message").asText()).contains("年初预算安排收入").contains("只能填写数字");
    }

    @Test
    void unknownFieldIsReportedAtItsPointer() {
        ObjectNode report = sample();
        ((ObjectNode) report.path("budget").path("initial")).put("surplus", 1);

        List<JsonNode> errors = assertRefusedAt(write(report), "/budget/initial/surplus");
        assertThat(errors.get(0).path("message").asText()).contains("surplus");
    }

    @Test
    void unknownTopLevelFieldIsReportedAtItsPointer() {
        ObjectNode report = sample();
        report.put("remark", "备注");

        assertRefusedAt(write(report), "/remark");
    }

    @Test
    void moreDecimalsThanTheFieldKeepsIsReportedAtItsPointer() {
        // Amounts in 万元 keep four decimals (yuan precision, issue 18), scores two.
        ObjectNode report = sample();
        ((ObjectNode) report.path("budget").path("assets")).put("totalAssets", new BigDecimal("1190.97501"));
        assertRefusedAt(write(report), "/budget/assets/totalAssets");

        ObjectNode score = sample();
        ((ObjectNode) score.at("/projects/0/indicators/0")).put("score", new BigDecimal("9.125"));
        assertRefusedAt(write(score), "/projects/0/indicators/0/score");
    }

    @Test
    void notJsonAtAllIsRefusedInChinese() {
        long before = reportCount();

        Response response = postJson("clerk", "/api/reports", "这不是JSON {");

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(hasChinese(body.path("message").asText()))
                .as("Chinese message in %s", response.body())
                .isTrue();
        body.path("errors")
                .forEach(e -> assertThat(hasChinese(e.path("message").asText()))
                        .as("%s", e)
                        .isTrue());
        assertNoExceptionText(response);
        assertThat(reportCount()).as("nothing started").isEqualTo(before);
    }

    @Test
    void truncatedJsonIsRefusedInChinese() {
        long before = reportCount();
        String text = sampleText();

        Response response = postJson("clerk", "/api/reports", text.substring(0, text.length() / 2));

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(hasChinese(response.json().path("message").asText()))
                .as("%s", response)
                .isTrue();
        assertNoExceptionText(response);
        assertThat(reportCount()).as("nothing started").isEqualTo(before);
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() {
        long before = reportCount();

        Response response = postJson("clerk", "/api/reports", "[1, 2, 3]");

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(hasChinese(response.json().path("message").asText()))
                .as("%s", response)
                .isTrue();
        assertThat(response.json().path("errors")).as("errors of %s", response).isNotEmpty();
        response.json()
                .path("errors")
                .forEach(e -> assertThat(hasChinese(e.path("message").asText()))
                        .as("%s", e)
                        .isTrue());
        assertThat(reportCount()).as("nothing started").isEqualTo(before);
    }

    /**
     * Posts the body as clerk and asserts: 400, a Chinese message, errors exactly at the one pointer, each error with
     * a Chinese message, and no report started. Returns the errors.
     */
    private List<JsonNode> assertRefusedAt(String body, String pointer) {
        long before = reportCount();

        Response response = postJson("clerk", "/api/reports", body);

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        JsonNode json = response.json();
        assertThat(hasChinese(json.path("message").asText()))
                .as("Chinese message in %s", response.body())
                .isTrue();
        assertThat(json.path("errors").isArray())
                .as("errors array in %s", response.body())
                .isTrue();
        List<JsonNode> errors = new ArrayList<>();
        json.path("errors").forEach(errors::add);
        assertThat(errors).as("errors of %s", response.body()).isNotEmpty();
        for (JsonNode error : errors) {
            assertThat(error.has("pointer") && error.has("message"))
                    .as("{pointer, message}: %s", error)
                    .isTrue();
            assertThat(error.path("pointer").asText())
                    .as("pointer of %s", error)
                    .isEqualTo(pointer);
            assertThat(hasChinese(error.path("message").asText()))
                    .as("Chinese message: %s", error)
                    .isTrue();
        }
        assertNoExceptionText(response);
        assertThat(reportCount()).as("nothing started after %s", response).isEqualTo(before);
        return errors;
    }

    static void assertNoExceptionText(Response response) {
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "at cn.jixiao", "at org.", "trace");
    }
}
