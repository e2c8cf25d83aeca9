package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * clerk2 of 衡山县教育局 can neither start, read nor complete anything of 衡山县行政审批服务局, through /api or through
 * /engine-rest. Every refusal comes with a positive control (clerk, of the right unit, gets through), so the tests
 * fail if the refusal were only an accident of a broken call.
 */
class UnitIsolationHttpTest extends HttpTestSupport {

    /** Text of the sample that must never reach another unit: unit name and code, and some of its figures. */
    private static final String[] SECRETS = {XZSP_NAME, XZSP, "179.2", "821.02", "1190.97", "639.91"};

    private String id;
    private String taskId;

    @BeforeEach
    void clerkStartsAReport() {
        id = startReport("clerk", sample());
        taskId = task("clerk", id, "draftBudget");
    }

    @Test
    void cannotStartAReportForAnotherUnitThroughTheApi() {
        long before = reportCount();

        Response response = postJson("clerk2", "/api/reports", sampleText());

        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertThat(hasChinese(response.json().path("message").asText()))
                .as("%s", response)
                .isTrue();
        assertThat(reportCount()).as("nothing started").isEqualTo(before);
        // Control: the same report for its own unit starts.
        startReport("clerk2", educationSample());
    }

    @Test
    void cannotReadTheReportThroughTheApi() {
        Response response = get("clerk2", "/api/reports/" + id);

        assertThat(response.status()).as("%s", response).isEqualTo(404);
        assertThat(hasChinese(response.json().path("message").asText()))
                .as("%s", response)
                .isTrue();
        assertThat(response.body()).doesNotContain(SECRETS);
        // leader2 neither.
        assertThat(get("leader2", "/api/reports/" + id).status()).isEqualTo(404);
        // Control: an id that does not exist answers the same (nobody learns which ids exist).
        Response unknown = get("clerk2", "/api/reports/no-such-report");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo(response.body());
        // Control: its own clerk reads it.
        assertThat(report("clerk", id).path("report").path("unit").path("code").asText())
                .isEqualTo(XZSP);
    }

    @Test
    void theReportIsNotListed() {
        Response response = get("clerk2", "/api/reports");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(ids(response.json())).doesNotContain(id);
        assertThat(response.body()).doesNotContain(XZSP_NAME, XZSP);
        Response filtered = get("clerk2", "/api/reports?unit=" + q(XZSP));
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.json()).as("%s", filtered).isEmpty();
        // Control: clerk's list has it.
        assertThat(ids(get("clerk", "/api/reports").json())).contains(id);
    }

    @Test
    void noTasksOfTheReportInTheEngineTaskList() {
        assertThat(tasks("clerk2", id)).isEmpty();

        Response all = get("clerk2", "/engine-rest/task?maxResults=1000");
        assertThat(all.status()).isEqualTo(200);
        all.json().forEach(t -> assertThat(t.path("processInstanceId").asText()).isNotEqualTo(id));
        assertThat(get("clerk2", "/engine-rest/task/count?processInstanceId=" + q(id))
                        .json()
                        .path("count")
                        .asLong())
                .isZero();
        assertThat(get("clerk2", "/engine-rest/task/" + taskId).status()).isIn(403, 404);
        // Control: clerk sees all six drafting tasks.
        assertThat(taskKeys("clerk", id)).containsExactlyInAnyOrderElementsOf(DRAFTING_TASKS);
    }

    @Test
    void cannotCompleteItsTask() {
        Response response = complete("clerk2", taskId, Map.of());

        assertThat(response.status()).as("%s", response).isIn(403, 404);
        assertThat(response.body()).doesNotContain(SECRETS);
        Response stillOpen = get("clerk", "/engine-rest/task/" + taskId);
        assertThat(stillOpen.status()).as("task still open: %s", stillOpen).isEqualTo(200);
        assertThat(taskKeys("clerk", id)).containsExactlyInAnyOrderElementsOf(DRAFTING_TASKS);
        // Nor claim it to make it theirs.
        Response claim = postJson("clerk2", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"clerk2\"}");
        assertThat(claim.status()).as("%s", claim).isIn(403, 404);
        assertThat(get("clerk", "/engine-rest/task/" + taskId)
                        .json()
                        .path("assignee")
                        .isNull())
                .isTrue();
    }

    @Test
    void theTasklistFiltersShowNoTaskOfTheReport() {
        Response filters = get("clerk2", "/engine-rest/filter?resourceType=Task");
        assertThat(filters.status()).as("%s", filters).isEqualTo(200);
        assertThat(filters.json())
                .as("the shared filters are readable: %s", filters)
                .isNotEmpty();
        for (JsonNode filter : filters.json()) {
            String path = "/engine-rest/filter/" + filter.path("id").asText() + "/list?maxResults=1000";
            Response list = get("clerk2", path);
            assertThat(list.status()).as("%s: %s", path, list).isEqualTo(200);
            list.json()
                    .forEach(t -> assertThat(t.path("processInstanceId").asText())
                            .as(path)
                            .isNotEqualTo(id));
        }
        // Control: clerk's 本单位待办 has the report's tasks.
        boolean seen = false;
        for (JsonNode filter :
                get("clerk", "/engine-rest/filter?resourceType=Task").json()) {
            for (JsonNode t : get(
                            "clerk", "/engine-rest/filter/" + filter.path("id").asText() + "/list?maxResults=1000")
                    .json()) {
                seen |= id.equals(t.path("processInstanceId").asText());
            }
        }
        assertThat(seen).as("clerk sees the report's tasks through a filter").isTrue();
    }

    @Test
    void cannotWriteVariablesOfTheReport() {
        String body = "{\"modifications\":{\"budget\":{\"type\":\"Json\",\"value\":\"{}\"}}}";

        Response instance = postJson("clerk2", "/engine-rest/process-instance/" + id + "/variables", body);
        Response task = postJson("clerk2", "/engine-rest/task/" + taskId + "/variables", body);

        assertThat(instance.status()).as("%s", instance).isIn(403, 404);
        assertThat(task.status()).as("%s", task).isIn(403, 404);
        assertThat(report("clerk", id).path("report").equals(NUMERIC, sample()))
                .as("report unchanged")
                .isTrue();
    }

    @Test
    void otherUnitsLeaderAndFinanceCannotDecideTheReview() {
        String inReview = reportInInternalReview();
        String review = task("leader", inReview, "internalReview");

        Response leader2 = complete("leader2", review, vars("leaderDecision", string("approve")));
        Response finance = complete("finance", review, vars("leaderDecision", string("approve")));

        assertThat(leader2.status()).as("%s", leader2).isIn(403, 404);
        assertThat(finance.status()).as("%s", finance).isIn(403, 404);
        assertThat(taskKeys("leader", inReview)).containsExactly("internalReview");
        assertThat(tasks("leader2", inReview)).isEmpty();
        assertThat(get("leader2", "/api/reports/" + inReview).status()).isEqualTo(404);
    }

    @Test
    void onlyAClerkOfTheUnitStartsItsReports() {
        long before = reportCount();

        for (String user : List.of("leader", "finance", "leader2")) {
            Response response = postJson(user, "/api/reports", sampleText());
            assertThat(response.status()).as("%s: %s", user, response).isEqualTo(403);
            assertThat(hasChinese(response.json().path("message").asText())).isTrue();
        }
        assertThat(reportCount()).as("nothing started").isEqualTo(before);
    }

    @Test
    void cannotReadTaskVariables() {
        Response response = get("clerk2", "/engine-rest/task/" + taskId + "/variables");
        Response serialized = get("clerk2", "/engine-rest/task/" + taskId + "/variables?deserializeValues=false");
        Response form = get("clerk2", "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");

        assertThat(response.status()).as("%s", response).isIn(403, 404);
        assertThat(response.body()).doesNotContain(SECRETS);
        assertThat(serialized.status()).as("%s", serialized).isIn(403, 404);
        assertThat(serialized.body()).doesNotContain(SECRETS);
        assertThat(form.status()).as("%s", form).isIn(403, 404);
        assertThat(form.body()).doesNotContain(SECRETS);
        // Control: clerk reads them, figures included (Json values only in serialized form, as Camunda advises).
        Response own = get("clerk", "/engine-rest/task/" + taskId + "/variables?deserializeValues=false");
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertThat(own.body()).contains("179.2");
    }

    @Test
    void cannotReadProcessInstanceVariables() {
        Response response = get("clerk2", "/engine-rest/process-instance/" + id + "/variables");
        Response serialized =
                get("clerk2", "/engine-rest/process-instance/" + id + "/variables?deserializeValues=false");

        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertThat(response.body()).doesNotContain(SECRETS);
        assertThat(serialized.status()).as("%s", serialized).isEqualTo(403);
        assertThat(serialized.body()).doesNotContain(SECRETS);
        Response single = get("clerk2", "/engine-rest/process-instance/" + id + "/variables/budget");
        assertThat(single.status()).as("%s", single).isIn(403, 404);
        assertThat(single.body()).doesNotContain(SECRETS);
        Response instances = get("clerk2", "/engine-rest/process-instance?processInstanceIds=" + q(id));
        assertThat(instances.status()).isEqualTo(200);
        assertThat(instances.json()).as("%s", instances).isEmpty();
        // Control.
        Response own = get("clerk", "/engine-rest/process-instance/" + id + "/variables?deserializeValues=false");
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertThat(own.body()).contains("179.2");
    }

    @Test
    void historyShowsNothingOfTheReport() {
        Response variables = get(
                "clerk2", "/engine-rest/history/variable-instance?deserializeValues=false&processInstanceId=" + q(id));
        Response instances = get("clerk2", "/engine-rest/history/process-instance?processInstanceId=" + q(id));
        Response allVariables =
                get("clerk2", "/engine-rest/history/variable-instance?variableName=budget&maxResults=1000");
        Response tasks = get("clerk2", "/engine-rest/history/task?processInstanceId=" + q(id));

        assertThat(variables.status()).as("%s", variables).isEqualTo(200);
        assertThat(variables.json()).as("%s", variables).isEmpty();
        assertThat(instances.status()).as("%s", instances).isEqualTo(200);
        assertThat(instances.json()).as("%s", instances).isEmpty();
        assertThat(allVariables.status()).as("%s", allVariables).isEqualTo(200);
        allVariables
                .json()
                .forEach(v -> assertThat(v.path("processInstanceId").asText()).isNotEqualTo(id));
        assertThat(tasks.status()).as("%s", tasks).isIn(200, 403);
        if (tasks.status() == 200) {
            assertThat(tasks.json()).as("%s", tasks).isEmpty();
        }
        for (String path : List.of(
                "/engine-rest/variable-instance?deserializeValues=false&processInstanceIdIn=" + q(id),
                "/engine-rest/history/detail?deserializeValues=false&processInstanceId=" + q(id),
                "/engine-rest/history/activity-instance?processInstanceId=" + q(id),
                "/engine-rest/execution?processInstanceId=" + q(id))) {
            Response other = get("clerk2", path);
            assertThat(other.status()).as("%s: %s", path, other).isIn(200, 403);
            if (other.status() == 200) {
                assertThat(other.json()).as("%s: %s", path, other).isEmpty();
            }
            assertThat(other.body()).as(path).doesNotContain(SECRETS);
        }
        // Control: clerk sees them.
        assertThat(get("clerk", "/engine-rest/variable-instance?deserializeValues=false&processInstanceIdIn=" + q(id))
                        .json())
                .isNotEmpty();
        assertThat(get("clerk", "/engine-rest/history/variable-instance?processInstanceId=" + q(id))
                        .json())
                .isNotEmpty();
        assertThat(get("clerk", "/engine-rest/history/process-instance?processInstanceId=" + q(id))
                        .json())
                .hasSize(1);
    }

    @Test
    void cannotStartForAnotherUnitThroughTheEngine() {
        long before = reportCount();

        Response response =
                postJson("clerk2", "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", startBody(XZSP));

        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertThat(reportCount()).as("nothing started").isEqualTo(before);
        // Control: clerk2 may start one for the own unit the same way, and clerk for 行政审批服务局.
        Response own =
                postJson("clerk2", "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", startBody(JYJ));
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        Response clerk =
                postJson("clerk", "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", startBody(XZSP));
        assertThat(clerk.status()).as("%s", clerk).isEqualTo(200);
        assertThat(reportCount()).isEqualTo(before + 2);
    }

    @Test
    void cannotStartForAnotherUnitWithAUnitJsonVariable() {
        long before = reportCount();
        ObjectNode body = startBody(JYJ);
        ObjectNode unit = MAPPER.createObjectNode().put("code", XZSP).put("name", XZSP_NAME);
        ((ObjectNode) body.path("variables"))
                .putObject("unit")
                .put("type", "Json")
                .put("value", write(unit));

        Response response = postJson("clerk2", "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", body);

        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertThat(reportCount()).as("nothing started").isEqualTo(before);
    }

    private static ObjectNode startBody(String unitCode) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode variables = body.putObject("variables");
        variables.putObject("unitCode").put("value", unitCode).put("type", "String");
        variables.putObject("fiscalYear").put("value", 2023).put("type", "Integer");
        return body;
    }
}
