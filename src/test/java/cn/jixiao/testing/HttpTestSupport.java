package cn.jixiao.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one shared configuration of every HTTP test (so Spring's context cache gives them ONE application): the demo
 * profile on a fresh in-memory H2, the app on a random port, and real HTTP calls with the Basic auth header written by
 * hand. The database is shared with every other HTTP test, so a test only asserts on the reports, users and units it
 * made itself (or on sets that must exclude them).
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:http-${random.uuid};DB_CLOSE_DELAY=-1",
            // Every test but one signs in from 127.0.0.1; the sign-in abuse test guesses from 127.0.0.2 up to this
            // limit.
            "jixiao.login.address-max-failures=50",
            // These tests start the same sample report of one unit many times in one database; the rule of one report
            // per
            // unit and year is tested in its own application (cn.jixiao.campaign, surefire execution campaign-test).
            "jixiao.reports.one-per-unit-and-year=false"
        })
@ActiveProfiles("demo")
public abstract class HttpTestSupport {

    public static final String PASSWORD = "demo";
    public static final String PROCESS_KEY = "selfEvaluationReport";
    public static final String XZSP = "430423-XZSP";
    public static final String XZSP_NAME = "衡山县行政审批服务局";
    public static final String JYJ = "430423-JYJ";
    public static final String JYJ_NAME = "衡山县教育局";
    public static final String FINANCE_GROUP = "finance-bureau";
    public static final String SAMPLE = "/examples/hengshan-approval-bureau-2022.corrected.json";

    public static final List<String> DRAFTING_TASKS = List.of(
            "draftBasicInfo", "draftBudget", "draftPerformance", "draftProjects", "draftProblems", "draftOtherNotes");

    /**
     * Text of a report that must never reach someone refused: the unit names, figures of the sample, a piece of
     * section content and the scoring's wording.
     */
    public static final List<String> SECRETS =
            List.of(XZSP_NAME, JYJ_NAME, "179.2", "821.02", "1190.97", "639.91", "标准化大综窗改革", "政务服务", "totalScore");

    /** Parses every JSON the tests read, numbers with a fraction as BigDecimal (as the application does). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Numbers equal by value (179.2 = 179.20, 15 = 15.0); everything else by Jackson's own equality. */
    public static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    public static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected HistoryService historyService;

    // ---------------------------------------------------------------- HTTP

    /** One HTTP answer: status, headers, body text, and the body as JSON on demand. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("body is not JSON (status " + status + "): " + body, e);
            }
        }

        public boolean isJsonArray() {
            try {
                return body != null && MAPPER.readTree(body).isArray();
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    protected Response get(String user, String path) {
        return send(user, "GET", path, null, null);
    }

    protected Response postJson(String user, String path, String json) {
        return send(user, "POST", path, json, "application/json");
    }

    protected Response postJson(String user, String path, JsonNode json) {
        return postJson(user, path, write(json));
    }

    protected Response send(String user, String method, String path, String body, String contentType) {
        return sendAs(user == null ? null : basic(user, PASSWORD), method, path, body, contentType);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends with the given Authorization header value (none when null). */
    protected Response sendAs(String authorization, String method, String path, String body, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return exchange(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The general call: any headers (Accept defaults to JSON), any body bytes. */
    protected Response exchange(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (headers.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
            request.header("Accept", "application/json");
        }
        headers.forEach(request::header);
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(
                    response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean hasChinese(String text) {
        return text != null
                && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** No stack trace, no Java exception class name in a body shown to a caller. */
    public static void assertNoStackTrace(Response response) {
        assertThat(response.body())
                .as("no stack trace in %s", response)
                .doesNotContain(
                        "\tat ",
                        "at org.",
                        "at java.",
                        "at cn.jixiao",
                        "Exception:",
                        "Caused by",
                        "java.lang.",
                        "org.springframework",
                        "org.camunda.bpm.engine.impl",
                        ".java:");
    }

    // ---------------------------------------------------------------- fixtures

    public static String sampleText() {
        try (InputStream in = HttpTestSupport.class.getResourceAsStream(SAMPLE)) {
            assertThat(in).as("sample %s on the test classpath", SAMPLE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode sample() {
        try {
            return (ObjectNode) MAPPER.readTree(sampleText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample moved to another unit. */
    public static ObjectNode sampleOf(String unitCode, String unitName) {
        ObjectNode report = sample();
        ObjectNode unit = (ObjectNode) report.get("unit");
        unit.put("code", unitCode);
        unit.put("name", unitName);
        return report;
    }

    /** The sample moved to 衡山县教育局, for reports clerk2 may start. */
    public static ObjectNode educationSample() {
        return sampleOf(JYJ, JYJ_NAME);
    }

    public static ObjectNode sampleOf(String unitCode) {
        return XZSP.equals(unitCode) ? sample() : sampleOf(JYJ, JYJ_NAME);
    }

    protected long reportCount() {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .count();
    }

    public static List<String> ids(JsonNode list) {
        assertThat(list.isArray()).as("a list: %s", list).isTrue();
        List<String> ids = new ArrayList<>();
        list.forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    // ---------------------------------------------------------------- workflow steps over HTTP

    /** POST /api/reports as the user; asserts 201, the id body and the Location header; returns the id. */
    protected String startReport(String user, JsonNode report) {
        return startReport(user, write(report));
    }

    protected String startReport(String user, String reportJson) {
        Response response = postJson(user, "/api/reports", reportJson);
        assertThat(response.status())
                .as("POST /api/reports as %s: %s", user, response)
                .isEqualTo(201);
        String id = response.json().path("id").asText();
        assertThat(id).as("id in %s", response.body()).isNotBlank();
        assertThat(response.headers().firstValue("Location"))
                .as("Location header")
                .hasValueSatisfying(
                        location -> assertThat(URI.create(location).getPath()).isEqualTo("/api/reports/" + id));
        return id;
    }

    protected JsonNode report(String user, String id) {
        Response response = get(user, "/api/reports/" + id);
        assertThat(response.status())
                .as("GET /api/reports/%s as %s: %s", id, user, response)
                .isEqualTo(200);
        return response.json();
    }

    protected List<JsonNode> tasks(String user, String processInstanceId) {
        Response response = get(user, "/engine-rest/task?processInstanceId=" + q(processInstanceId));
        assertThat(response.status())
                .as("GET /engine-rest/task as %s: %s", user, response)
                .isEqualTo(200);
        List<JsonNode> tasks = new ArrayList<>();
        response.json().forEach(tasks::add);
        return tasks;
    }

    protected Set<String> taskKeys(String user, String processInstanceId) {
        Set<String> keys = new TreeSet<>();
        tasks(user, processInstanceId)
                .forEach(t -> keys.add(t.path("taskDefinitionKey").asText()));
        return keys;
    }

    protected String task(String user, String processInstanceId, String key) {
        List<String> found = tasks(user, processInstanceId).stream()
                .filter(t -> key.equals(t.path("taskDefinitionKey").asText()))
                .map(t -> t.path("id").asText())
                .toList();
        assertThat(found)
                .as("open %s tasks of %s seen by %s", key, processInstanceId, user)
                .hasSize(1);
        return found.get(0);
    }

    protected Response complete(String user, String taskId, Map<String, Map<String, Object>> variables) {
        ObjectNode body = MAPPER.createObjectNode();
        if (!variables.isEmpty()) {
            body.set("variables", MAPPER.valueToTree(variables));
        }
        return postJson(user, "/engine-rest/task/" + taskId + "/complete", body);
    }

    protected void completeOk(String user, String taskId, Map<String, Map<String, Object>> variables) {
        Response response = complete(user, taskId, variables);
        assertThat(response.status())
                .as("complete task %s as %s: %s", taskId, user, response)
                .isEqualTo(204);
    }

    public static Map<String, Object> string(String value) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("value", value);
        v.put("type", "String");
        return v;
    }

    public static Map<String, Object> json(String value) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("value", value);
        v.put("type", "Json");
        return v;
    }

    /** Any number of name, value pairs. */
    public static Map<String, Map<String, Object>> vars(Object... nameValuePairs) {
        Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, Object> value = (Map<String, Object>) nameValuePairs[i + 1];
            variables.put((String) nameValuePairs[i], value);
        }
        return variables;
    }

    public static Map<String, Map<String, Object>> vars(String name, Map<String, Object> value) {
        Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
        variables.put(name, value);
        return variables;
    }

    public static Map<String, Map<String, Object>> vars(
            String n1, Map<String, Object> v1, String n2, Map<String, Object> v2) {
        Map<String, Map<String, Object>> variables = vars(n1, v1);
        variables.put(n2, v2);
        return variables;
    }

    public static Map<String, Map<String, Object>> vars(
            String n1, Map<String, Object> v1, String n2, Map<String, Object> v2, String n3, Map<String, Object> v3) {
        Map<String, Map<String, Object>> variables = vars(n1, v1, n2, v2);
        variables.put(n3, v3);
        return variables;
    }

    /**
     * As the clerk of the report's unit: completes every open drafting task with {} (the project list first opens the
     * project tasks, completed in a second pass) and then 提交审核.
     */
    protected void draftAndSubmit(String clerk, String id) {
        for (int pass = 0; pass < 2; pass++) {
            for (JsonNode task : tasks(clerk, id)) {
                if (task.path("taskDefinitionKey").asText().startsWith("draft")
                        && !"draftSubmit".equals(task.path("taskDefinitionKey").asText())) {
                    completeOk(clerk, task.path("id").asText(), Map.of());
                }
            }
        }
        assertThat(taskKeys(clerk, id)).as("after drafting").containsExactly("draftSubmit");
        completeOk(clerk, task(clerk, id, "draftSubmit"), Map.of());
    }

    /**
     * As clerk: completes the given drafting tasks with {} (the sections are filled already), then the project tasks
     * the project list opened, then 提交审核.
     */
    protected void draftAndSubmit(String clerk, String processInstanceId, List<String> expectedDraftingTasks) {
        assertThat(taskKeys(clerk, processInstanceId))
                .as("drafting tasks open for %s", clerk)
                .containsExactlyInAnyOrderElementsOf(expectedDraftingTasks);
        for (JsonNode task : tasks(clerk, processInstanceId)) {
            completeOk(clerk, task.path("id").asText(), Map.of());
        }
        // 填写项目清单 opens one 填写项目自评表 per project.
        for (JsonNode task : tasks(clerk, processInstanceId)) {
            if ("draftProject".equals(task.path("taskDefinitionKey").asText())) {
                completeOk(clerk, task.path("id").asText(), Map.of());
            }
        }
        assertThat(taskKeys(clerk, processInstanceId)).as("after drafting").containsExactly("draftSubmit");
        completeOk(clerk, task(clerk, processInstanceId, "draftSubmit"), Map.of());
    }

    /** A report of 衡山县行政审批服务局 started by clerk and moved to 单位负责人审核. */
    protected String reportInInternalReview() {
        String id = startReport("clerk", sample());
        draftAndSubmit("clerk", id, DRAFTING_TASKS);
        return id;
    }

    public static String clerkOf(String unit) {
        return XZSP.equals(unit) ? "clerk" : "clerk2";
    }

    public static String leaderOf(String unit) {
        return XZSP.equals(unit) ? "leader" : "leader2";
    }

    /** A report of the unit, started by its clerk, left in drafting with all six sections open. */
    protected String reportInDrafting(String unit) {
        return startReport(clerkOf(unit), sampleOf(unit));
    }

    /** A report of the unit at draftSubmit. */
    protected String reportAtSubmit(String unit) {
        String id = reportInDrafting(unit);
        // Two passes: 填写项目清单 opens one 填写项目自评表 per project.
        for (int pass = 0; pass < 2; pass++) {
            for (JsonNode task : tasks(clerkOf(unit), id)) {
                completeOk(clerkOf(unit), task.path("id").asText(), Map.of());
            }
        }
        assertThat(taskKeys(clerkOf(unit), id)).containsExactly("draftSubmit");
        return id;
    }

    /** A report of the unit waiting at 单位负责人审核. */
    protected String reportInInternalReview(String unit) {
        String id = reportInDrafting(unit);
        draftAndSubmit(clerkOf(unit), id);
        assertThat(taskKeys(leaderOf(unit), id)).containsExactly("internalReview");
        return id;
    }

    /** A report of the unit waiting at 财政局审核 (the leader approved with a comment). */
    protected String reportInFinanceReview(String unit) {
        String id = reportInInternalReview(unit);
        completeOk(
                leaderOf(unit),
                task(leaderOf(unit), id, "internalReview"),
                vars("leaderDecision", string("approve"), "leaderComment", string("同意上报")));
        assertThat(taskKeys("finance", id)).containsExactly("financeReview");
        return id;
    }

    /** A report of the unit accepted by the finance bureau and published (the publication job has run). */
    protected String publishedReport(String unit) {
        String id = reportInFinanceReview(unit);
        completeOk(
                "finance",
                task("finance", id, "financeReview"),
                vars("financeDecision", string("accept"), "financeComment", string("审核通过")));
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"published".equals(report(clerkOf(unit), id).path("stage").asText())) {
            assertThat(System.currentTimeMillis())
                    .as("report %s published within a minute", id)
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return id;
    }
}
