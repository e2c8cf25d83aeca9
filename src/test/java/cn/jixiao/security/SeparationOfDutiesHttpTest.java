package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jixiao.testing.HttpTestSupport;
import cn.jixiao.testing.WebappBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attacks of the separation-of-duties review, each tried over real HTTP through both doors to Camunda's REST
 * API — {@code /engine-rest} with HTTP Basic and the webapps' {@code /camunda/api/engine} with a signed-in Tasklist
 * session and its CSRF token — and each expected to fail with a Chinese refusal and nothing changed.
 */
class SeparationOfDutiesHttpTest extends HttpTestSupport {

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    /** The two ways into Camunda's REST API. */
    enum Door {
        ENGINE_REST,
        WEBAPP;

        String prefix() {
            return this == ENGINE_REST ? "/engine-rest" : "/camunda/api/engine/engine/default";
        }
    }

    private Response call(Door door, String user, String method, String path, Object body) {
        String text = body == null ? null : body instanceof String s ? s : write(body);
        if (door == Door.ENGINE_REST) {
            return send(user, method, door.prefix() + path, text, text == null ? null : "application/json");
        }
        return WebappBrowser.signedIn(this, user).call(method, door.prefix() + path, text);
    }

    private static void assertRefused(Response response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(hasChinese(response.body()))
                .as("a Chinese message: %s", response)
                .isTrue();
        assertNoStackTrace(response);
    }

    private ObjectNode startBody(String unit, String activity) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode variables = body.putObject("variables");
        JsonNode report = sampleOf(unit);
        for (String section : List.of("basicInfo", "budget", "performance", "projects", "problems", "otherNotes")) {
            ObjectNode v = variables.putObject(section);
            v.put("value", write(report.get(section)));
            v.put("type", "Json");
        }
        variables.putObject("fiscalYear").put("value", 2031).put("type", "Integer");
        variables.putObject("unitCode").put("value", unit).put("type", "String");
        if (activity != null) {
            body.putArray("startInstructions")
                    .addObject()
                    .put("type", "startBeforeActivity")
                    .put("activityId", activity);
        }
        return body;
    }

    // ---------------------------------------------------------------- 1. only the workflow moves a report

    @ParameterizedTest
    @EnumSource(Door.class)
    void aClerkCannotStartAReportPastItsStartEvent(Door door) {
        long before = reportCount();
        for (String activity : List.of("publishReport", "financeReview", "internalReview", "draftSubmit")) {
            Response r = call(
                    door,
                    "clerk2",
                    "POST",
                    "/process-definition/key/" + PROCESS_KEY + "/start",
                    startBody(JYJ, activity));
            assertRefused(r, 403);
        }
        ObjectNode skipping = startBody(XZSP, null);
        skipping.put("skipCustomListeners", true);
        assertRefused(call(door, "clerk2", "POST", "/process-definition/key/" + PROCESS_KEY + "/start", skipping), 403);
        ObjectNode io = startBody(JYJ, null);
        io.put("skipIoMappings", true);
        assertRefused(call(door, "clerk2", "POST", "/process-definition/key/" + PROCESS_KEY + "/submit-form", io), 403);
        assertThat(reportCount()).as("no report started").isEqualTo(before);
        assertThat(send(null, "GET", "/public/reports", null, null).body()).doesNotContain("2031");
    }

    @Test
    void aPlainStartAtTheStartEventStillWorks() {
        Response r = postJson(
                "clerk2", "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", startBody(JYJ, null));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(taskKeys("clerk2", r.json().path("id").asText())).hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void instanceModificationAndItsRelativesAreForAdministrators(Door door) {
        String id = reportInInternalReview(XZSP);
        String modification =
                "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"publishReport\"}]}";
        assertRefused(call(door, "leader", "POST", "/process-instance/" + id + "/modification", modification), 403);
        assertRefused(
                call(
                        door,
                        "clerk",
                        "POST",
                        "/modification/execute",
                        "{\"processDefinitionId\":\"x\",\"instructions\":[],\"processInstanceIds\":[\"" + id + "\"]}"),
                403);
        assertRefused(call(door, "finance", "POST", "/migration/execute", "{}"), 403);
        assertRefused(call(door, "clerk", "POST", "/process-definition/x/restart", "{}"), 403);
        assertRefused(
                call(
                        door,
                        "clerk",
                        "POST",
                        "/process-instance/" + id + "/variables",
                        "{\"modifications\":{\"leaderDecision\":{\"value\":\"approve\"}}}"),
                403);
        assertThat(taskKeys("leader", id)).containsExactly("internalReview");
    }

    // ---------------------------------------------------------------- 2. tasks stay with their role and unit

    @ParameterizedTest
    @EnumSource(Door.class)
    void holdersCannotRerouteTheirTasks(Door door) {
        String id = reportInDrafting(XZSP);
        String draft = task("clerk", id, "draftBudget");
        assertRefused(
                call(
                        door,
                        "clerk",
                        "POST",
                        "/task/" + draft + "/identity-links",
                        "{\"groupId\":\"" + FINANCE_GROUP + "\",\"type\":\"candidate\"}"),
                403);
        assertRefused(
                call(
                        door,
                        "clerk",
                        "POST",
                        "/task/" + draft + "/identity-links",
                        "{\"userId\":\"clerk2\",\"type\":\"candidate\"}"),
                403);
        assertRefused(
                call(
                        door,
                        "clerk",
                        "POST",
                        "/task/" + draft + "/identity-links/delete",
                        "{\"groupId\":\"unit-" + XZSP + "-clerks\",\"type\":\"candidate\"}"),
                403);
        assertRefused(call(door, "clerk", "POST", "/task/" + draft + "/assignee", "{\"userId\":\"clerk2\"}"), 403);
        assertRefused(call(door, "clerk", "POST", "/task/" + draft + "/delegate", "{\"userId\":\"clerk2\"}"), 403);
        assertRefused(call(door, "clerk", "POST", "/task/" + draft + "/claim", "{\"userId\":\"clerk2\"}"), 403);
        assertRefused(call(door, "clerk", "PUT", "/task/" + draft, "{\"name\":\"x\",\"assignee\":\"clerk2\"}"), 403);
        assertThat(tasks("clerk2", id))
                .as("the other unit's clerk still sees nothing")
                .isEmpty();
        assertThat(taskService.getIdentityLinksForTask(draft))
                .as("links unchanged")
                .allSatisfy(l -> assertThat(l.getGroupId()).isEqualTo("unit-" + XZSP + "-clerks"));

        // Claiming for oneself stays what the Tasklist does.
        Response claim = call(door, "clerk", "POST", "/task/" + draft + "/claim", "{\"userId\":\"clerk\"}");
        assertThat(claim.status()).as("%s", claim).isEqualTo(204);
    }

    @Test
    void leaderAndFinanceCannotHandTheirReviewToTheClerk() {
        String id = reportInFinanceReview(XZSP);
        String financeTask = task("finance", id, "financeReview");
        assertRefused(
                postJson(
                        "finance",
                        "/engine-rest/task/" + financeTask + "/identity-links",
                        "{\"groupId\":\"unit-" + XZSP + "-clerks\",\"type\":\"candidate\"}"),
                403);
        assertRefused(
                postJson("finance", "/engine-rest/task/" + financeTask + "/assignee", "{\"userId\":\"clerk\"}"), 403);
        assertThat(tasks("clerk", id)).isEmpty();

        String id2 = reportInInternalReview(XZSP);
        String leaderTask = task("leader", id2, "internalReview");
        assertRefused(
                postJson("leader", "/engine-rest/task/" + leaderTask + "/assignee", "{\"userId\":\"clerk\"}"), 403);
        assertRefused(
                postJson("leader", "/engine-rest/task/" + leaderTask + "/delegate", "{\"userId\":\"clerk\"}"), 403);
        Response byClerk = complete("clerk", leaderTask, vars("leaderDecision", string("approve")));
        assertThat(byClerk.status()).as("%s", byClerk).isIn(403, 404);
        assertThat(taskKeys("leader", id2)).containsExactly("internalReview");
    }

    @Test
    void evenAnAdministratorCannotGiveATaskToSomeoneOutsideItsRole() {
        String id = reportInInternalReview(XZSP);
        String leaderTask = task("leader", id, "internalReview");
        // The door lets an administrator through; the task's own listener still refuses the clerk as holder.
        Response assign = postJson("admin", "/engine-rest/task/" + leaderTask + "/assignee", "{\"userId\":\"clerk\"}");
        assertRefused(assign, 403);
        assertThat(taskService
                        .createTaskQuery()
                        .taskId(leaderTask)
                        .singleResult()
                        .getAssignee())
                .isNull();

        // A candidate group an administrator added by mistake does not make the finance bureau a drafter either.
        String draft = task("clerk", id2(), "draftOtherNotes");
        Response link = postJson(
                "admin",
                "/engine-rest/task/" + draft + "/identity-links",
                "{\"groupId\":\"" + FINANCE_GROUP + "\",\"type\":\"candidate\"}");
        assertThat(link.status()).as("%s", link).isEqualTo(204);
        assertRefused(complete("finance", draft, Map.of()), 403);
        assertThat(taskService.createTaskQuery().taskId(draft).count())
                .as("task still open")
                .isEqualTo(1);
    }

    private String id2() {
        return reportInDrafting(XZSP);
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void aHolderGivesBackTheirOwnTaskButNoOneElses(Door door) {
        String id = reportInDrafting(XZSP);
        String draft = task("clerk", id, "draftBudget");
        assertRefused(call(door, "clerk", "POST", "/task/" + draft + "/claim", "{}"), 403);
        assertThat(call(door, "clerk", "POST", "/task/" + draft + "/claim", "{\"userId\":\"clerk\"}")
                        .status())
                .isEqualTo(204);
        Response back = call(door, "clerk", "POST", "/task/" + draft + "/unclaim", "{}");
        assertThat(back.status()).as("%s", back).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(draft).singleResult().getAssignee())
                .isNull();

        // A task held by someone else: neither taken away by a claim without a user nor given back by another.
        assertThat(postJson("admin", "/engine-rest/task/" + draft + "/assignee", "{\"userId\":\"admin\"}")
                        .status())
                .isEqualTo(204);
        assertRefused(call(door, "clerk", "POST", "/task/" + draft + "/unclaim", "{}"), 403);
        assertRefused(call(door, "clerk", "POST", "/task/" + draft + "/claim", "{\"userId\":null}"), 403);
        assertThat(taskService.createTaskQuery().taskId(draft).singleResult().getAssignee())
                .isEqualTo("admin");
    }

    @Test
    void aCandidateGroupPatternDoesNotOpenEveryUnitsTasks() {
        String other = reportInDrafting(XZSP);
        for (String path : List.of("/engine-rest/task", "/engine-rest/task/count")) {
            Response r = postJson(
                    "clerk2",
                    path,
                    "{\"candidateGroups\":[\"unit-" + JYJ + "-clerks\"],"
                            + "\"candidateGroupLike\":\"%\",\"includeAssignedTasks\":true,\"processInstanceId\":\""
                            + other + "\"}");
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain(other);
            if (path.endsWith("count")) {
                assertThat(r.json().path("count").asInt()).isZero();
            }
        }
    }

    @Test
    void aReportStartsOnlyOnTheLatestVersionOfItsProcess() throws Exception {
        var repository = engine.getRepositoryService();
        String current = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY)
                .latestVersion()
                .singleResult()
                .getId();
        var model = repository.getBpmnModelInstance(current);
        var deployment = repository
                .createDeployment()
                .name("older-version-test")
                .addModelInstance("self-evaluation-report.bpmn", model)
                .enableDuplicateFiltering(false)
                .deploy();
        try {
            Response r =
                    postJson("clerk", "/engine-rest/process-definition/" + current + "/start", startBody(XZSP, null));
            assertRefused(r, 403);
            assertThat(r.body()).contains("最新版本");
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void metricsOfTheWholeCountyAreForAdministrators() {
        assertRefused(get("clerk", "/engine-rest/metrics/root-process-instance-start/sum"), 403);
        assertThat(get("admin", "/engine-rest/metrics/root-process-instance-start/sum")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void variablesComeAsPlainValuesOrJsonNeverAsJavaObjects() {
        ObjectNode start = startBody(XZSP, null);
        ((ObjectNode) start.get("variables"))
                .putObject("unit")
                .put("type", "Object")
                .put("value", "{}")
                .putObject("valueInfo")
                .put("objectTypeName", "java.util.HashMap")
                .put("serializationDataFormat", "application/json");
        Response r = postJson("clerk", "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", start);
        assertRefused(r, 400);
        assertThat(r.body()).contains("unit");
    }

    // ---------------------------------------------------------------- 3. each task accepts only its own variables

    @ParameterizedTest
    @EnumSource(Door.class)
    void reviewersCannotRewriteTheReport(Door door) {
        String id = reportInInternalReview(XZSP);
        String leaderTask = task("leader", id, "internalReview");
        Map<String, Object> otherNotes = Map.of("value", "领导改写的其他说明", "type", "String");
        Response r = call(
                door,
                "leader",
                "POST",
                "/task/" + leaderTask + "/complete",
                Map.of("variables", Map.of("leaderDecision", string("approve"), "otherNotes", otherNotes)));
        assertRefused(r, 400);
        assertThat(r.body()).contains("otherNotes");
        Response budget = call(
                door,
                "leader",
                "POST",
                "/task/" + leaderTask + "/submit-form",
                Map.of(
                        "variables",
                        Map.of(
                                "leaderDecision",
                                string("approve"),
                                "budget",
                                Map.of("value", "{\"initial\":\"x\"}", "type", "Json"))));
        assertRefused(budget, 400);
        assertThat(budget.body()).contains("budget");
        assertThat(taskKeys("leader", id)).containsExactly("internalReview");

        completeOk("leader", leaderTask, vars("leaderDecision", string("approve"), "leaderComment", string("同意")));
        String financeTask = task("finance", id, "financeReview");
        Response finance = call(
                door,
                "finance",
                "POST",
                "/task/" + financeTask + "/complete",
                Map.of(
                        "variables",
                        Map.of(
                                "financeDecision", string("accept"),
                                "problems",
                                        Map.of(
                                                "value",
                                                "{\"summary\":\"改写\",\"items\":[],\"measures\":[]}",
                                                "type",
                                                "Json"),
                                "unit",
                                        Map.of(
                                                "value",
                                                "{\"code\":\"" + XZSP + "\",\"name\":\"冒名单位\"}",
                                                "type",
                                                "Json"))));
        assertRefused(finance, 400);
        assertThat(finance.body()).contains("problems", "unit");
        assertThat(report("finance", id)
                        .path("report")
                        .path("unit")
                        .path("name")
                        .asText())
                .isEqualTo(XZSP_NAME);
    }

    @Test
    void aReviewThatRewritesTheReportThroughTheJavaApiIsStillRefused() {
        String id = reportInInternalReview(XZSP);
        String leaderTask = task("leader", id, "internalReview");
        identityService.setAuthentication("leader", List.of("unit-" + XZSP + "-leaders"));
        try {
            assertThatThrownBy(() ->
                            taskService.complete(leaderTask, Map.of("leaderDecision", "approve", "otherNotes", "改写")))
                    .hasMessageContaining("不能修改报告内容")
                    .hasMessageContaining("otherNotes");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(taskKeys("leader", id)).containsExactly("internalReview");
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void draftingTasksTakeOnlyTheirSectionAndDisplayTextsCannotBeForged(Door door) {
        String id = reportInDrafting(XZSP);
        String budget = task("clerk", id, "draftBudget");
        Response r = call(
                door,
                "clerk",
                "POST",
                "/task/" + budget + "/complete",
                Map.of("variables", Map.of("reviewHistoryText", string("2022-01-01 单位负责人审核 领导：同意（伪造）"))));
        assertRefused(r, 400);
        assertThat(r.body()).contains("reviewHistoryText");
        Response other = call(
                door,
                "clerk",
                "POST",
                "/task/" + budget + "/complete",
                Map.of("variables", Map.of("problems", Map.of("value", "{}", "type", "Json"))));
        assertRefused(other, 400);
        assertThat(other.body()).contains("problems");
    }

    @Test
    void theApiCompletionTakesOnlyTheTasksOwnVariablesToo() {
        String id = reportInInternalReview(XZSP);
        String leaderTask = task("leader", id, "internalReview");
        Response r = postJson(
                "leader",
                "/api/tasks/" + leaderTask + "/complete",
                "{\"variables\":{\"leaderDecision\":\"approve\",\"evaluationSummaryText\":\"满分\"}}");
        assertRefused(r, 400);
        assertThat(r.body()).contains("evaluationSummaryText");
    }

    @Test
    void theSubmitTaskShowsNoHistoryRatherThanAForgedOne() {
        String id = reportAtSubmit(XZSP);
        String submit = task("clerk", id, "draftSubmit");
        Response local = get("clerk", "/engine-rest/task/" + submit + "/localVariables/reviewHistoryText");
        assertThat(local.status()).as("%s", local).isEqualTo(200);
        assertThat(local.json().path("value").asText()).isEmpty();
    }

    // ---------------------------------------------------------------- 4. least privilege elsewhere

    @ParameterizedTest
    @EnumSource(Door.class)
    void usersKeepTheirAccountButCannotDeleteIt(Door door) {
        assertRefused(call(door, "clerk", "DELETE", "/user/clerk", null), 403);
        assertThat(identityService.createUserQuery().userId("clerk").count()).isEqualTo(1);
        Response profile = call(door, "clerk", "GET", "/user/clerk/profile", null);
        assertThat(profile.status()).isEqualTo(200);
        ObjectNode changed = (ObjectNode) profile.json();
        Response update = call(door, "clerk", "PUT", "/user/clerk/profile", write(changed));
        assertThat(update.status()).as("%s", update).isEqualTo(204);
        assertRefused(call(door, "clerk", "PUT", "/user/clerk2/profile", write(changed)), 403);
    }

    @Test
    void anAccountHoldsReadAndUpdateOnItselfNotAll() {
        var grants = authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.USER)
                .userIdIn("clerk")
                .resourceId("clerk")
                .list();
        assertThat(grants).isNotEmpty().allSatisfy(g -> {
            assertThat(g.isPermissionGranted(Permissions.DELETE)).isFalse();
            assertThat(g.isPermissionGranted(Permissions.UPDATE)).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void statisticsOfEveryUnitAreForAdministrators(Door door) {
        for (String path : List.of(
                "/process-definition/statistics",
                "/process-definition/key/" + PROCESS_KEY + "/statistics",
                "/task/report/candidate-group-count")) {
            assertRefused(call(door, "clerk", "GET", path, null), 403);
        }
        assertThat(get("admin", "/engine-rest/process-definition/statistics").status())
                .isEqualTo(200);
        WebappBrowser leader = WebappBrowser.signedIn(this, "leader");
        Response cockpit = leader.get(
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count", "application/json");
        assertThat(cockpit.status()).as("%s", cockpit).isIn(401, 403);
        assertThat(cockpit.body()).doesNotContain("count");
    }

    @Test
    void startingForAnotherUnitLooksTheSameWhetherItExistsOrNot() {
        Response other = postJson("clerk", "/api/reports", sampleOf(JYJ, JYJ_NAME));
        Response unknown = postJson("clerk", "/api/reports", sampleOf("430423-NOSUCH", "不存在的单位"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.body()).isEqualTo(other.body());
    }

    @Test
    void aReportCarriesTheRegisteredUnitName() {
        Response renamed = postJson("clerk", "/api/reports", sampleOf(XZSP, "冒名单位"));
        assertRefused(renamed, 400);
        assertThat(renamed.body()).contains("单位名称", XZSP_NAME);
        ObjectNode start = startBody(XZSP, null);
        ((ObjectNode) start.get("variables"))
                .putObject("unit")
                .put("type", "Json")
                .put("value", "{\"code\":\"" + XZSP + "\",\"name\":\"冒名单位\"}");
        assertRefused(postJson("clerk", "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", start), 400);
    }
}
