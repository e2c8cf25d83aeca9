package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import cn.jixiao.testing.WebappBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The rest of the hardening: security headers on every door, no stack trace on any failure, slowed logins after
 * failed attempts, a webapp logout that really ends the session, and every decision kept in Camunda's history where
 * the unit and the finance bureau (and no other unit) can read it.
 */
class HardeningHttpTest extends HttpTestSupport {

    // ---------------------------------------------------------------- headers

    @Test
    void everyDoorSendsTheSecurityHeaders() {
        Map<String, Response> doors = new LinkedHashMap<>();
        doors.put("/api/reports (signed in)", get("clerk", "/api/reports"));
        doors.put("/api/reports (anonymous, 401)", get(null, "/api/reports"));
        doors.put("/public/reports", exchange("GET", "/public/reports", Map.of("Accept", "text/html"), null));
        doors.put(
                "/camunda/app/tasklist/",
                exchange("GET", "/camunda/app/tasklist/", Map.of("Accept", "text/html"), null));
        doors.put(
                "/camunda/app/tasklist/default/",
                exchange("GET", "/camunda/app/tasklist/default/", Map.of("Accept", "text/html"), null));
        doors.put("/engine-rest/task", get("clerk", "/engine-rest/task"));

        doors.forEach((door, response) -> {
            assertThat(response.status()).as("%s answers: %s", door, response).isLessThan(500);
            List<String> frameOptions = response.headers().allValues("X-Frame-Options");
            assertThat(frameOptions)
                    .as("X-Frame-Options of %s", door)
                    .isNotEmpty()
                    .allSatisfy(v -> assertThat(v.toUpperCase()).isIn("DENY", "SAMEORIGIN"));
            assertThat(response.headers().allValues("X-Content-Type-Options"))
                    .as("X-Content-Type-Options of %s", door)
                    .isNotEmpty()
                    .allSatisfy(v -> assertThat(v).isEqualToIgnoringCase("nosniff"));
        });
        // The Tasklist really is there (not an error page with headers).
        Response tasklist = doors.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.status()).isEqualTo(200);
        assertThat(tasklist.body()).containsIgnoringCase("<html");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void aFailingRequestNeverShowsAStackTrace() {
        String id = reportInDrafting(XZSP);
        String taskId = task("clerk", id, "draftBasicInfo");
        List<Response> failures = new ArrayList<>();

        Response malformedEngine = postJson("clerk", "/engine-rest/task/" + taskId + "/complete", "{not json");
        assertThat(malformedEngine.status()).as("%s", malformedEngine).isEqualTo(400);
        failures.add(malformedEngine);
        Response malformedApi = postJson("clerk", "/api/tasks/" + taskId + "/complete", "{not json");
        assertThat(malformedApi.status()).as("%s", malformedApi).isEqualTo(400);
        assertThat(hasChinese(malformedApi.json().path("message").asText())).isTrue();
        failures.add(malformedApi);
        Response malformedReport = postJson("clerk", "/api/reports", "{\"unit\": [");
        assertThat(malformedReport.status()).as("%s", malformedReport).isEqualTo(400);
        failures.add(malformedReport);
        Response wrongType = postJson(
                "clerk",
                "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"basicInfo\":{\"value\":\"{oops\",\"type\":\"Json\"}}}");
        assertThat(wrongType.status()).as("%s", wrongType).isBetween(400, 599);
        failures.add(wrongType);
        Response apiNotFound = get("clerk", "/api/no-such-thing");
        assertThat(apiNotFound.status()).as("%s", apiNotFound).isEqualTo(404);
        failures.add(apiNotFound);
        Response reportNotFound = get("clerk", "/api/reports/no-such-report/evaluation");
        assertThat(reportNotFound.status()).isEqualTo(404);
        failures.add(reportNotFound);
        Response badParameter = get("clerk", "/api/reports?fiscalYear=twenty");
        assertThat(badParameter.status()).as("%s", badParameter).isEqualTo(400);
        failures.add(badParameter);
        Response wrongMethod = send("clerk", "DELETE", "/api/reports/" + id, null, null);
        assertThat(wrongMethod.status()).as("%s", wrongMethod).isIn(404, 405);
        failures.add(wrongMethod);
        Response engineMissing = get("clerk", "/engine-rest/task/no-such-task/variables");
        assertThat(engineMissing.status()).as("%s", engineMissing).isBetween(400, 599);
        failures.add(engineMissing);
        Response elsewhere = exchange("GET", "/no-such-page", Map.of("Accept", "text/html"), null);
        assertThat(elsewhere.status()).isEqualTo(404);
        failures.add(elsewhere);
        Response publicMissing = exchange("GET", "/public/reports/" + id + "/document", Map.of("Accept", "*/*"), null);
        assertThat(publicMissing.status()).isEqualTo(404);
        failures.add(publicMissing);

        for (Response failure : failures) {
            assertNoStackTrace(failure);
            assertThat(failure.body()).as("%s", failure).doesNotContain("Exception in", "Caused by:", "\n\tat ");
        }
        // The task is untouched by all of that.
        assertThat(task("clerk", id, "draftBasicInfo")).isEqualTo(taskId);
    }

    // ---------------------------------------------------------------- login throttling

    @Test
    void repeatedFailedLoginsAreSlowedDown() {
        String user = "throttle" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String password = "Jx-Throttle-Passw0rd!";
        createUser(user, password);
        assertThat(sendAs(basic(user, password), "GET", "/api/reports", null, null)
                        .status())
                .as("the right password works at first")
                .isEqualTo(200);

        for (int attempt = 1; attempt <= 3; attempt++) {
            Response wrong = sendAs(basic(user, "Wrong-Passw0rd-" + attempt), "GET", "/api/reports", null, null);
            assertThat(wrong.status()).as("wrong password, attempt %d", attempt).isEqualTo(401);
        }

        // Right after, even the right password is refused for a while, on every door.
        Response api = sendAs(basic(user, password), "GET", "/api/reports", null, null);
        assertThat(api.status())
                .as("/api with the right password while throttled: %s", api)
                .isEqualTo(401);
        Response engine = sendAs(basic(user, password), "GET", "/engine-rest/task", null, null);
        assertThat(engine.status())
                .as("/engine-rest with the right password while throttled: %s", engine)
                .isEqualTo(401);
        assertNoStackTrace(api);
        // Nobody else is slowed down.
        assertThat(get("clerk", "/api/reports").status()).isEqualTo(200);

        // It is a delay, not a lock-out: after it the right password works again.
        long deadline = System.currentTimeMillis() + 40_000;
        int status;
        do {
            sleep(1_000);
            status = sendAs(basic(user, password), "GET", "/api/reports", null, null)
                    .status();
        } while (status != 200 && System.currentTimeMillis() < deadline);
        assertThat(status).as("the right password after the delay").isEqualTo(200);
    }

    // ---------------------------------------------------------------- webapp session

    @Test
    void webappLogoutEndsTheSession() {
        WebappBrowser browser = new WebappBrowser(this);
        Response page = browser.get("/camunda/app/tasklist/default/", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(browser.cookie("XSRF-TOKEN")).as("CSRF cookie").isNotNull();

        // Logging in without the CSRF header is refused (and Camunda drops that session).
        WebappBrowser forger = new WebappBrowser(this);
        assertThat(forger.get("/camunda/app/tasklist/default/", "text/html").status())
                .isEqualTo(200);
        Response forged = forger.postForm(
                "/camunda/api/admin/auth/user/default/login/tasklist", "username=clerk&password=demo", false);
        assertThat(forged.status()).as("login without X-XSRF-TOKEN: %s", forged).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("clerk");

        Response login = browser.postForm(
                "/camunda/api/admin/auth/user/default/login/tasklist", "username=clerk&password=demo", true);
        assertThat(login.status()).as("login: %s", login).isEqualTo(200);
        assertThat(login.json().path("userId").asText()).isEqualTo("clerk");
        Map<String, String> session = new LinkedHashMap<>(browser.cookies);

        Response tasks = browser.get("/camunda/api/engine/engine/default/task", "application/json");
        assertThat(tasks.status()).as("tasks while signed in: %s", tasks).isEqualTo(200);
        Response reports = browser.get("/api/reports", "application/json");
        assertThat(reports.status())
                .as("/api GET with the Tasklist session: %s", reports)
                .isEqualTo(200);
        // The session is for reading /api only; a change still needs HTTP Basic.
        Response post = browser.post("/api/reports", write(sample()), "application/json", true);
        assertThat(post.status())
                .as("/api POST with only the session: %s", post)
                .isEqualTo(401);

        Response logout = browser.post("/camunda/api/admin/auth/user/default/logout", "", "application/json", true);
        assertThat(logout.status()).as("logout: %s", logout).isIn(200, 204);

        // The old session cookie no longer authenticates anything.
        WebappBrowser replay = new WebappBrowser(this);
        replay.cookies.putAll(session);
        Response afterTasks = replay.get("/camunda/api/engine/engine/default/task", "application/json");
        assertThat(afterTasks.status())
                .as("tasks with the old session: %s", afterTasks)
                .isIn(401, 403);
        assertThat(afterTasks.body()).doesNotContain("draftBasicInfo", XZSP_NAME);
        Response afterApi = replay.get("/api/reports", "application/json");
        assertThat(afterApi.status())
                .as("/api with the old session: %s", afterApi)
                .isEqualTo(401);
        Response who = replay.get("/camunda/api/admin/auth/user/default", "application/json");
        assertThat(who.status()).as("who am I with the old session: %s", who).isNotEqualTo(200);
    }

    // ---------------------------------------------------------------- decisions in Camunda's history

    @Test
    void everyDecisionIsInCamundasHistoryForTheUnitAndTheBureauOnly() {
        String id = reportInInternalReview(XZSP);
        completeOk(
                "leader",
                task("leader", id, "internalReview"),
                vars(
                        "leaderDecision",
                        string("return"),
                        "leaderComment",
                        string("请核实预算执行率"),
                        "sectionsToRevise",
                        string("all")));
        draftAndSubmit("clerk", id);
        completeOk(
                "leader",
                task("leader", id, "internalReview"),
                vars("leaderDecision", string("approve"), "leaderComment", string("同意上报")));
        completeOk(
                "finance",
                task("finance", id, "financeReview"),
                vars(
                        "financeDecision",
                        string("return"),
                        "financeComment",
                        string("请补充项目绩效说明"),
                        "sectionsToRevise",
                        string("all")));

        for (String reader : List.of("clerk", "leader", "finance", "admin")) {
            // The review log in /api: every decision, with who.
            JsonNode comments = report(reader, id).path("comments");
            assertThat(comments).as("decisions seen by %s", reader).hasSize(3);
            assertThat(comments.get(0).path("author").asText()).isEqualTo("leader");
            assertThat(comments.get(0).path("decision").asText()).isEqualTo("return");
            assertThat(comments.get(1).path("decision").asText()).isEqualTo("approve");
            assertThat(comments.get(2).path("author").asText()).isEqualTo("finance");

            // Camunda's user operation log: each completed review task, with its user.
            Response operations = get(
                    reader,
                    "/engine-rest/history/user-operation?processInstanceId=" + q(id)
                            + "&operationType=Complete&entityType=Task");
            assertThat(operations.status()).isEqualTo(200);
            List<String> reviewers = new ArrayList<>();
            Map<String, String> reviewTasks = reviewTasks(reader, id);
            for (JsonNode op : operations.json()) {
                if (reviewTasks.containsKey(op.path("taskId").asText())) {
                    reviewers.add(op.path("userId").asText());
                }
            }
            assertThat(reviewers)
                    .as("review completions in the user operation log seen by %s", reader)
                    .containsExactlyInAnyOrder("leader", "leader", "finance");

            // Camunda's task comments on each review task: the decision and the reviewer's comment.
            List<String> texts = new ArrayList<>();
            for (String taskId : reviewTasks.keySet()) {
                Response taskComments = get(reader, "/engine-rest/task/" + taskId + "/comment");
                assertThat(taskComments.status())
                        .as("comments of %s seen by %s: %s", taskId, reader, taskComments)
                        .isEqualTo(200);
                taskComments.json().forEach(c -> texts.add(c.path("message").asText()));
            }
            assertThat(String.join("\n", texts))
                    .as("task comments seen by %s", reader)
                    .contains("请核实预算执行率", "同意上报", "请补充项目绩效说明", "单位负责人审核", "财政局审核");
        }

        Map<String, String> reviewTasks = reviewTasks("admin", id);
        for (String outsider : List.of("clerk2", "leader2")) {
            assertThat(get(outsider, "/api/reports/" + id).status()).isEqualTo(404);
            assertThat(get(outsider, "/engine-rest/history/user-operation?processInstanceId=" + q(id))
                            .json())
                    .isEmpty();
            assertThat(get(outsider, "/engine-rest/history/task?processInstanceId=" + q(id))
                            .json())
                    .isEmpty();
            for (String taskId : reviewTasks.keySet()) {
                Response taskComments = get(outsider, "/engine-rest/task/" + taskId + "/comment");
                assertThat(taskComments.status())
                        .as("%s reads comments: %s", outsider, taskComments)
                        .isEqualTo(404);
                assertThat(taskComments.body()).doesNotContain("请核实预算执行率", "同意上报", "请补充项目绩效说明");
                Response single = get(outsider, "/engine-rest/history/user-operation?taskId=" + q(taskId));
                assertThat(single.json()).isEmpty();
            }
        }
    }

    /** The finished review tasks of a report as the reader sees them in the history (id → key). */
    private Map<String, String> reviewTasks(String reader, String id) {
        Map<String, String> tasks = new LinkedHashMap<>();
        for (JsonNode t : get(reader, "/engine-rest/history/task?processInstanceId=" + q(id) + "&finished=true")
                .json()) {
            String key = t.path("taskDefinitionKey").asText();
            if (key.equals("internalReview") || key.equals("financeReview")) {
                tasks.put(t.path("id").asText(), key);
            }
        }
        assertThat(tasks).as("finished review tasks seen by %s", reader).hasSize(3);
        return tasks;
    }

    // ---------------------------------------------------------------- helpers

    private void createUser(String user, String password) {
        Response created = postJson(
                "admin",
                "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"" + user
                        + "\",\"firstName\":\"限速\",\"lastName\":\"测试\",\"email\":\""
                        + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "@example.cn\"},\"credentials\":{\"password\":\"" + password + "\"}}");
        assertThat(created.status()).as("create %s: %s", user, created).isEqualTo(204);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
