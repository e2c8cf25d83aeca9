package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import cn.jixiao.testing.WebappBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every door takes bad input calmly. Walks every operation of Camunda's REST API (from its own description,
 * openapi.json in camunda-engine-rest-openapi) through both of its doors — /engine-rest with HTTP Basic and the
 * webapps' /camunda/api/engine with a signed-in session and its CSRF token — and every endpoint of the
 * application's own /api and /public (from Spring's request mappings, so a new endpoint is swept without editing
 * this test), as a clerk of another unit, a leader, the finance bureau and anonymously, with unknown ids, ids of
 * another unit's objects, no body, malformed JSON, JSON of the wrong shape and types, broken paging and sorting, a
 * Json variable that is no JSON, and a wrong content type. Every answer is below 500; an error names no Java class,
 * stack frame, SQL or engine code, and nothing of another unit; and the data is the same afterwards.
 */
class RestSurfaceSweepHttpTest extends HttpTestSupport {

    private static final String ENGINE = "/engine-rest";
    private static final String WEBAPP = "/camunda/api/engine/engine/default";
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("\\b(?:java|javax|jakarta|org|com|cn|sun)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]*[A-Za-z0-9_$]"),
            Pattern.compile("\\tat |\\.java:\\d+"),
            Pattern.compile("Cannot invoke|NullPointerException|IllegalStateException|ClassCastException"),
            Pattern.compile("ENGINE-\\d{5}"),
            Pattern.compile("(?i)\\bselect\\b[^\"]{0,200}\\bfrom\\b|\\binsert into\\b|\\bACT_[A-Z]{2}_"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ProcessEngine engine;

    /** One operation: method and path template, and which door it belongs to. */
    record Operation(String method, String path, boolean engineApi) {}

    /** One bad input for an operation. */
    record Variant(String name, String query, String body, String contentType, boolean otherUnitIds) {}

    private final List<String> failures = new ArrayList<>();
    private int calls;

    @Test
    void everyOperationTakesBadInputCalmly() {
        Map<String, String> xzsp = fixture(XZSP);
        Map<String, String> jyj = fixture(JYJ);
        String before = snapshot(xzsp, jyj);

        List<Operation> engineOps = engineOperations();
        List<Operation> appOps = appOperations();
        assertThat(engineOps).as("operations in Camunda's openapi.json").hasSizeGreaterThan(300);
        assertThat(appOps)
                .as("the application's own endpoints")
                .extracting(Operation::path)
                .contains("/api/reports", "/api/reports/{id}", "/public/reports");

        for (String role : new String[] {"clerk2", "leader", "finance", null}) {
            Map<String, String> others = "leader".equals(role) ? jyj : xzsp;
            for (Operation op : engineOps) {
                for (Variant v : variants(op)) {
                    String path = ENGINE + fill(op.path(), v, others) + v.query();
                    check(role, op, v, send(role, op.method(), path, v.body(), v.contentType()));
                }
            }
            for (Operation op : appOps) {
                for (Variant v : variants(op)) {
                    String path = fill(op.path(), v, others) + v.query();
                    check(role, op, v, send(role, op.method(), path, v.body(), v.contentType()));
                }
            }
            WebappBrowser browser = role == null ? anonymousBrowser() : WebappBrowser.signedIn(this, role);
            for (Operation op : engineOps) {
                for (Variant v : variants(op)) {
                    String path = WEBAPP + fill(op.path(), v, others) + v.query();
                    check(
                            role == null ? "anonymous·webapp" : role + "·webapp",
                            op,
                            v,
                            browser.call(op.method(), path, v.body(), v.contentType()));
                }
            }
        }
        String after = snapshot(xzsp, jyj);
        System.out.printf(
                "SWEEP %d calls: %d Camunda REST operations × 2 doors and %d application endpoints, 4 roles, "
                        + "up to 8 bad inputs each; %d answers broke the rules%n",
                calls, engineOps.size(), appOps.size(), failures.size());
        failures.stream().limit(60).forEach(f -> System.out.println("SWEEP ✗ " + f));
        assertThat(failures)
                .as("answers that broke the rules (first 60 printed above)")
                .isEmpty();
        assertThat(after).as("the data after the sweep").isEqualTo(before);
    }

    // ---------------------------------------------------------------- the operations

    private static List<Operation> engineOperations() {
        try (InputStream in = RestSurfaceSweepHttpTest.class.getResourceAsStream("/openapi.json")) {
            assertThat(in)
                    .as("openapi.json of camunda-engine-rest-openapi on the test classpath")
                    .isNotNull();
            JsonNode paths = MAPPER.readTree(in).path("paths");
            List<Operation> ops = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "post", "put", "delete", "options").contains(method)) {
                        ops.add(new Operation(method.toUpperCase(), path.getKey(), true));
                    }
                });
            }
            return ops;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Operation> appOperations() {
        Set<Operation> ops = new LinkedHashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<String> patterns = info.getPatternValues();
            Set<String> methods = new LinkedHashSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.addAll(List.of("GET", "POST"));
            }
            for (String pattern : patterns) {
                if (pattern.startsWith("/api") || pattern.startsWith("/public")) {
                    methods.forEach(m -> ops.add(new Operation(m, pattern, false)));
                }
            }
        });
        return new ArrayList<>(ops);
    }

    // ---------------------------------------------------------------- the bad inputs

    private static List<Variant> variants(Operation op) {
        List<Variant> variants = new ArrayList<>();
        boolean body = op.method().equals("POST") || op.method().equals("PUT");
        variants.add(new Variant("unknown ids, no body", "", null, body ? "application/json" : null, false));
        variants.add(new Variant("another unit's ids", "", body ? "{}" : null, body ? "application/json" : null, true));
        variants.add(new Variant(
                "broken paging and sorting",
                "?firstResult=-5&maxResults=99999999999&sortBy=nonsense&sortOrder=sideways&processInstanceId=x&fiscalYear=abc"
                        + "&deserializeValues=maybe&id=%00",
                body
                        ? "{\"sorting\":[{\"sortBy\":\"nonsense\",\"sortOrder\":\"up\"}],\"firstResult\":\"abc\",\"maxResults\":-1}"
                        : null,
                body ? "application/json" : null,
                true));
        if (body) {
            variants.add(new Variant("malformed JSON", "", "{\"variables\": {\"a\":", "application/json", true));
            variants.add(new Variant("array for object", "", "[1,2,3]", "application/json", true));
            variants.add(new Variant(
                    "wrong types",
                    "",
                    "{\"variables\":\"x\",\"maxResults\":\"many\",\"firstResult\":-1,"
                            + "\"userId\":42,\"id\":{\"a\":1},\"name\":[1],\"priority\":\"high\",\"due\":\"yesterday\",\"retries\":\"x\","
                            + "\"suspended\":\"maybe\",\"instructions\":7,\"processInstanceIds\":\"all\",\"fiscalYear\":\"二〇二三\","
                            + "\"unit\":[],\"projects\":{}}",
                    "application/json",
                    true));
            variants.add(new Variant(
                    "Json variable that is no JSON",
                    "",
                    "{\"variables\":{\"budget\":{\"value\":\"{not json\",\"type\":\"Json\"},\"n\":{\"value\":\"x\",\"type\":\"Integer\"}},"
                            + "\"modifications\":{\"budget\":{\"value\":\"{\",\"type\":\"Json\"}}}",
                    "application/json",
                    true));
            variants.add(new Variant("wrong content type", "", "hello", "text/plain", true));
        }
        return variants;
    }

    /** The path with each {param} replaced: unknown ids, or ids of another unit's report where the path names one. */
    private static String fill(String template, Variant v, Map<String, String> others) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = "no-such-id-42";
            if (v.otherUnitIds()) {
                String before = template.substring(0, m.start());
                value = before.contains("/task")
                        ? others.get("task")
                        : before.contains("/user")
                                ? others.get("user")
                                : before.contains("/group") ? others.get("group") : others.get("instance");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(q(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    // ---------------------------------------------------------------- the checks

    private void check(String role, Operation op, Variant v, Response r) {
        calls++;
        String where =
                (role == null ? "anonymous" : role) + " " + op.method() + " " + op.path() + " [" + v.name() + "] → ";
        if (r.status() >= 500) {
            failures.add(where + r);
            return;
        }
        if (r.status() >= 400) {
            for (Pattern p : INTERNALS) {
                if (p.matcher(r.body()).find()) {
                    failures.add(where + "internals (" + p + "): " + r);
                    return;
                }
            }
            for (String secret : SECRETS) {
                if (r.body().contains(secret)) {
                    failures.add(where + "names " + secret + ": " + r);
                    return;
                }
            }
        }
    }

    private WebappBrowser anonymousBrowser() {
        WebappBrowser browser = new WebappBrowser(this);
        browser.get("/camunda/app/tasklist/default/", "text/html");
        return browser;
    }

    // ---------------------------------------------------------------- the data

    /** A report of {@code unit} in drafting, with the ids the sweep aims at. */
    private Map<String, String> fixture(String unit) {
        String id = reportInDrafting(unit);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("instance", id);
        ids.put("task", task(clerkOf(unit), id, "draftBudget"));
        ids.put("user", clerkOf(unit));
        ids.put("group", "unit-" + unit + "-clerks");
        return ids;
    }

    /** What the sweep must not change: the fixtures' tasks, links and variables, and the identity, rights and models. */
    private String snapshot(Map<String, String> xzsp, Map<String, String> jyj) {
        Map<String, Object> state = new TreeMap<>();
        for (Map<String, String> f : List.of(xzsp, jyj)) {
            String id = f.get("instance");
            for (Task t : engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceId(id)
                    .orderByTaskId()
                    .asc()
                    .list()) {
                state.put(
                        "task " + t.getId(),
                        t.getTaskDefinitionKey() + "|" + t.getAssignee() + "|" + t.getOwner() + "|"
                                + t.getName() + "|" + t.getDueDate() + "|" + t.getFollowUpDate() + "|" + t.getPriority()
                                + "|"
                                + t.getDelegationState() + "|"
                                + engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
                                        .map(l -> l.getType() + ":" + l.getGroupId() + ":" + l.getUserId())
                                        .sorted()
                                        .toList());
            }
            engine.getRuntimeService()
                    .getVariables(id)
                    .forEach((name, value) -> state.put("var " + id + " " + name, String.valueOf(value)));
            state.put(
                    "suspended " + id,
                    engine.getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceId(id)
                            .singleResult()
                            .isSuspended());
            state.put(
                    "authorizations " + id,
                    engine.getAuthorizationService()
                            .createAuthorizationQuery()
                            .resourceId(id)
                            .count());
        }
        state.put(
                "users",
                engine.getIdentityService().createUserQuery().orderByUserId().asc().list().stream()
                        .map(u -> u.getId() + ":" + u.getFirstName() + ":" + u.getLastName() + ":" + u.getEmail())
                        .toList());
        state.put(
                "groups",
                engine.getIdentityService().createGroupQuery().orderByGroupId().asc().list().stream()
                        .map(g -> g.getId() + ":" + g.getName())
                        .toList());
        for (String user : List.of("clerk", "clerk2", "leader", "leader2", "finance", "admin")) {
            state.put(
                    "member " + user,
                    engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                            .map(g -> g.getId())
                            .sorted()
                            .toList());
        }
        state.put(
                "filters",
                engine.getFilterService().createFilterQuery().list().stream()
                        .map(f -> f.getId() + ":" + f.getName())
                        .sorted()
                        .toList());
        state.put(
                "deployments",
                engine.getRepositoryService().createDeploymentQuery().count());
        state.put(
                "definitions",
                engine.getRepositoryService().createProcessDefinitionQuery().count());
        state.put("tenants", engine.getIdentityService().createTenantQuery().count());
        return state.toString();
    }
}
