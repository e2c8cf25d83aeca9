package cn.jixiao.web;

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
 * The one shared configuration of every HTTP test in this package (so Spring builds a single application context for
 * all of them): the demo profile on a fresh in-memory H2, the app on a random port, and real HTTP calls with the
 * Basic auth header written by hand. Each test starts its own reports; the demo's sample report and the reports of
 * other tests stay around, so tests only assert on reports they started themselves (or on sets that must exclude them).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:http-${random.uuid};DB_CLOSE_DELAY=-1",
        // Every test but one signs in from 127.0.0.1; the sign-in abuse test guesses from 127.0.0.2 up to this limit.
        "jixiao.login.address-max-failures=50",
        // These tests start the same sample report of one unit many times in one database; the rule of one report per
        // unit and year is tested in its own application (cn.jixiao.campaign, surefire execution campaign-test).
        "jixiao.reports.one-per-unit-and-year=false"})
@ActiveProfiles("demo")
abstract class HttpTestSupport {

  static final String PASSWORD = "demo";
  static final String PROCESS_KEY = "selfEvaluationReport";
  static final String XZSP = "430423-XZSP";
  static final String XZSP_NAME = "衡山县行政审批服务局";
  static final String JYJ = "430423-JYJ";
  static final String JYJ_NAME = "衡山县教育局";
  static final String SAMPLE = "/examples/hengshan-approval-bureau-2022.corrected.json";

  static final List<String> DRAFTING_TASKS = List.of(
      "draftBasicInfo", "draftBudget", "draftPerformance", "draftProjects", "draftProblems", "draftOtherNotes");

  /** Parses every JSON the tests read, numbers with a fraction as BigDecimal (as the application does). */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  /** Numbers equal by value (179.2 = 179.20, 15 = 15.0); everything else by Jackson's own equality. */
  static final Comparator<JsonNode> NUMERIC = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  @LocalServerPort
  int port;

  @Autowired
  HistoryService historyService;

  // ---------------------------------------------------------------- HTTP

  /** One HTTP answer: status, headers, body text, and the body as JSON on demand. */
  record Response(int status, HttpHeaders headers, String body) {

    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("body is not JSON (status " + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Response get(String user, String path) {
    return send(user, "GET", path, null, null);
  }

  Response postJson(String user, String path, String json) {
    return send(user, "POST", path, json, "application/json");
  }

  Response postJson(String user, String path, JsonNode json) {
    return postJson(user, path, write(json));
  }

  Response send(String user, String method, String path, String body, String contentType) {
    return sendAs(user == null ? null : basic(user, PASSWORD), method, path, body, contentType);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends with the given Authorization header value (none when null). */
  Response sendAs(String authorization, String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- fixtures

  /** The corrected sample exactly as the file has it. */
  static String sampleText() {
    try (InputStream in = HttpTestSupport.class.getResourceAsStream(SAMPLE)) {
      assertThat(in).as("sample %s on the test classpath", SAMPLE).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh, modifiable copy of the corrected sample. */
  static ObjectNode sample() {
    try {
      return (ObjectNode) MAPPER.readTree(sampleText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample moved to 衡山县教育局, for reports clerk2 may start. */
  static ObjectNode educationSample() {
    ObjectNode report = sample();
    ObjectNode unit = (ObjectNode) report.get("unit");
    unit.put("code", JYJ);
    unit.put("name", JYJ_NAME);
    return report;
  }

  static boolean hasChinese(String text) {
    return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  /** Reports (process instances of the report process, running or ended) the engine has ever kept. */
  long reportCount() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
  }

  /** The ids of a GET /api/reports list. */
  static List<String> ids(JsonNode list) {
    assertThat(list.isArray()).as("a list: %s", list).isTrue();
    List<String> ids = new ArrayList<>();
    list.forEach(r -> ids.add(r.path("id").asText()));
    return ids;
  }

  // ---------------------------------------------------------------- workflow steps over HTTP

  /** POST /api/reports as the user; asserts 201, the id body and the Location header; returns the id. */
  String startReport(String user, JsonNode report) {
    return startReport(user, write(report));
  }

  String startReport(String user, String reportJson) {
    Response response = postJson(user, "/api/reports", reportJson);
    assertThat(response.status()).as("POST /api/reports as %s: %s", user, response).isEqualTo(201);
    String id = response.json().path("id").asText();
    assertThat(id).as("id in %s", response.body()).isNotBlank();
    assertThat(response.headers().firstValue("Location")).as("Location header")
        .hasValueSatisfying(location -> assertThat(URI.create(location).getPath()).isEqualTo("/api/reports/" + id));
    return id;
  }

  /** GET /api/reports/{id} as the user, asserting 200. */
  JsonNode report(String user, String id) {
    Response response = get(user, "/api/reports/" + id);
    assertThat(response.status()).as("GET /api/reports/%s as %s: %s", id, user, response).isEqualTo(200);
    return response.json();
  }

  /** The tasks of one report that the user sees through /engine-rest/task. */
  List<JsonNode> tasks(String user, String processInstanceId) {
    Response response = get(user, "/engine-rest/task?processInstanceId=" + q(processInstanceId));
    assertThat(response.status()).as("GET /engine-rest/task as %s: %s", user, response).isEqualTo(200);
    List<JsonNode> tasks = new ArrayList<>();
    response.json().forEach(tasks::add);
    return tasks;
  }

  Set<String> taskKeys(String user, String processInstanceId) {
    Set<String> keys = new TreeSet<>();
    tasks(user, processInstanceId).forEach(t -> keys.add(t.path("taskDefinitionKey").asText()));
    return keys;
  }

  /** The one open task with that key the user sees for the report. */
  String task(String user, String processInstanceId, String key) {
    List<String> ids = tasks(user, processInstanceId).stream()
        .filter(t -> key.equals(t.path("taskDefinitionKey").asText()))
        .map(t -> t.path("id").asText())
        .toList();
    assertThat(ids).as("open %s tasks of %s seen by %s", key, processInstanceId, user).hasSize(1);
    return ids.get(0);
  }

  /** POST /engine-rest/task/{id}/complete as the user with the given variables (name → {value, type}). */
  Response complete(String user, String taskId, Map<String, Map<String, Object>> variables) {
    ObjectNode body = MAPPER.createObjectNode();
    if (!variables.isEmpty()) {
      body.set("variables", MAPPER.valueToTree(variables));
    }
    return postJson(user, "/engine-rest/task/" + taskId + "/complete", body);
  }

  void completeOk(String user, String taskId, Map<String, Map<String, Object>> variables) {
    Response response = complete(user, taskId, variables);
    assertThat(response.status()).as("complete task %s as %s: %s", taskId, user, response).isEqualTo(204);
  }

  static Map<String, Object> string(String value) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("value", value);
    v.put("type", "String");
    return v;
  }

  static Map<String, Object> json(String value) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("value", value);
    v.put("type", "Json");
    return v;
  }

  static Map<String, Map<String, Object>> vars(Object... nameValuePairs) {
    Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      Map<String, Object> value = (Map<String, Object>) nameValuePairs[i + 1];
      variables.put((String) nameValuePairs[i], value);
    }
    return variables;
  }

  /**
   * As clerk: completes the given drafting tasks with {} (the sections are filled already), then the project tasks
   * the project list opened, then 提交审核.
   */
  void draftAndSubmit(String clerk, String processInstanceId, List<String> expectedDraftingTasks) {
    assertThat(taskKeys(clerk, processInstanceId)).as("drafting tasks open for %s", clerk)
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
  String reportInInternalReview() {
    String id = startReport("clerk", sample());
    draftAndSubmit("clerk", id, DRAFTING_TASKS);
    return id;
  }
}
