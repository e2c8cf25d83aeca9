package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import org.junit.jupiter.api.Test;

/** Through Camunda's REST API a user's mistake is a 400 (a refusal of rights a 403) with the Chinese message alone. */
class EngineRestUserErrorsHttpTest extends HttpTestSupport {

    private static final String START = "/engine-rest/process-definition/key/selfEvaluationReport/start";

    @Test
    void returnWithoutCommentIsA400WithTheChineseMessageOnly() {
        String id = reportInInternalReview();
        String taskId = task("leader", id, "internalReview");

        Response refused = complete("leader", taskId, vars("leaderDecision", string("return")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).isEqualTo("「审核意见」退回修改时必须填写审核意见，说明需要修改的内容");
        assertThat(refused.body()).doesNotContain("Cannot complete").doesNotContain("ENGINE-");
        assertThat(task("leader", id, "internalReview")).isEqualTo(taskId);
    }

    @Test
    void startWithABadYearIsA400NotA500AndStartsNothing() {
        long before = reportCount();
        Response refused = postJson("clerk", START, "{\"variables\": {\"fiscalYear\": {\"value\": 1999}}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("「年度」").contains("1999");
        assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void startForAnotherUnitIsA403() {
        long before = reportCount();
        Response refused = postJson(
                "clerk2",
                START,
                "{\"variables\": {\"unitCode\": {\"value\": \"430423-XZSP\"}, \"fiscalYear\": {\"value\": 2023}}}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).contains("经办人");
        assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void aValidStartStillWorks() {
        Response started = postJson("clerk", START, "{\"variables\": {\"fiscalYear\": {\"value\": 2024}}}");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().get("id").asText()).isNotBlank();
    }
}
