package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Without credentials nothing answers but 401: neither /api nor the engine REST API. */
class AuthenticationHttpTest extends HttpTestSupport {

    @Test
    void anonymousListIsRefusedWithChineseMessage() {
        assertApi401(get(null, "/api/reports"));
    }

    @Test
    void anonymousReadIsRefusedWithChineseMessage() {
        String id = startReport("clerk", sample());

        Response response = get(null, "/api/reports/" + id);

        assertApi401(response);
        assertThat(response.body()).doesNotContain(XZSP_NAME, XZSP, "179.2");
    }

    @Test
    void anonymousStartIsRefusedAndStartsNothing() {
        long before = reportCount();

        assertApi401(postJson(null, "/api/reports", sampleText()));

        assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void unknownUserIsRefused() {
        // A user that does not exist: no login throttling of a real demo user is triggered.
        Response api = sendAs(basic("nobody", "demo"), "GET", "/api/reports", null, null);
        Response rest = sendAs(basic("nobody", "demo"), "GET", "/engine-rest/task", null, null);

        assertApi401(api);
        assertThat(rest.status()).as("%s", rest).isEqualTo(401);
    }

    @Test
    void anonymousEngineRestIsRefused() {
        Response tasks = get(null, "/engine-rest/task");
        Response instances = get(null, "/engine-rest/process-instance");
        Response history = get(null, "/engine-rest/history/variable-instance");

        assertThat(tasks.status()).as("%s", tasks).isEqualTo(401);
        assertThat(instances.status()).as("%s", instances).isEqualTo(401);
        assertThat(history.status()).as("%s", history).isEqualTo(401);
        assertThat(tasks.body()).doesNotContain(XZSP_NAME);
    }

    @Test
    void signedInUserPassesBothDoors() {
        // The positive control: the same calls with credentials are not refused.
        assertThat(get("clerk", "/api/reports").status()).isEqualTo(200);
        assertThat(get("clerk", "/engine-rest/task").status()).isEqualTo(200);
    }

    private static void assertApi401(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .as("Basic challenge")
                .hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        JsonNode body = response.json();
        assertThat(hasChinese(body.path("message").asText()))
                .as("Chinese message in %s", response.body())
                .isTrue();
        ReportValidationHttpTest.assertNoStackTrace(response);
    }
}
