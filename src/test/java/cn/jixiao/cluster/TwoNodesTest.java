package cn.jixiao.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.pg.PostgresServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A province's cluster in small: two nodes of the application (separate JVMs) on one PostgreSQL database, started at
 * the same moment. A user signed in to the Tasklist on one node stays signed in on the other (sessions in the
 * database). Then 200 reports go through drafting, a return for every tenth, the leader's and the finance bureau's
 * reviews, each step on the other node than the step before; halfway, one node is killed with SIGKILL while its job
 * executor holds publication jobs. The other node finishes everything: the dead node's jobs within a minute of the
 * kill (the lock time, README), every report published exactly once with one document, no job run twice, no incident.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    static final int REPORTS = 200;
    static final int WORKERS = 6;
    static final String SAMPLE = "/examples/hengshan-approval-bureau-2022.corrected.json";
    static final List<String> DRAFTING = List.of(
            "draftBasicInfo", "draftBudget", "draftPerformance", "draftProjects", "draftProblems", "draftOtherNotes");

    private Node a;
    private Node b;
    private JdbcTemplate db;
    private SingleConnectionDataSource dataSource;

    @BeforeAll
    void startBothAtOnce() {
        String url = PostgresServer.createDatabase("cluster");
        dataSource = new SingleConnectionDataSource(url, PostgresServer.user(), PostgresServer.password(), true);
        db = new JdbcTemplate(dataSource);
        Path work = Path.of(System.getProperty("jixiao.build.dir", "target"), "cluster", "run-" + System.nanoTime());
        // Both at once, on an empty database: the engine's schema, the app's migrations, the demo's units, users,
        // filters and sample report must each be made exactly once.
        a = Node.launch("node-a", url, PostgresServer.user(), PostgresServer.password(), work);
        b = Node.launch("node-b", url, PostgresServer.user(), PostgresServer.password(), work);
        long started = System.nanoTime();
        a.awaitReady();
        b.awaitReady();
        System.out.printf(
                "[cluster] both nodes ready %.0f s after starting together%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    void stopNodes() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (dataSource != null) {
            dataSource.destroy();
        }
    }

    @Test
    @Order(1)
    void startingTogetherMadeEverythingOnce() {
        assertThat(count("SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'selfEvaluationReport'"))
                .as("the model deployed once")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM jx_unit"))
                .as("each unit once")
                .isEqualTo(count("SELECT COUNT(DISTINCT code) FROM jx_unit"));
        assertThat(count("SELECT COUNT(*) FROM jx_report"))
                .as("the demo's sample report, once")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM act_id_user WHERE id_ = 'clerk'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM act_ru_filter"))
                .as("the Tasklist's filters, once each")
                .isEqualTo(count("SELECT COUNT(DISTINCT name_) FROM act_ru_filter"));
        assertThat(count("SELECT COUNT(*) FROM act_ru_filter"))
                .as("本单位待办, 待财政审核, 我的待办")
                .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM act_id_group WHERE id_ = 'finance-bureau'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version = '1'"))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void aSessionFromOneNodeWorksOnTheOther() {
        Browser browser = new Browser();
        assertThat(browser.call(a, "GET", "/camunda/app/tasklist/default/", null, false)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> login = browser.call(
                a, "POST", "/camunda/api/admin/auth/user/default/login/tasklist", "username=clerk&password=demo", true);
        assertThat(login.statusCode()).as("sign in on node A: %s", login.body()).isEqualTo(200);
        assertThat(browser.cookies).containsKey("SESSION");

        // The next requests go to node B: the Tasklist's own API, with the session and its CSRF token.
        HttpResponse<String> user = browser.call(b, "GET", "/camunda/api/admin/auth/user/default", null, false);
        assertThat(user.statusCode()).as("who am I, on node B").isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"clerk\"");
        HttpResponse<String> tasks = browser.call(
                b, "GET", "/camunda/api/engine/engine/default/task?taskDefinitionKey=draftBasicInfo", null, false);
        assertThat(tasks.statusCode()).isEqualTo(200);
        JsonNode open = read(tasks.body());
        assertThat(open.size()).as("the demo report's 填写单位基本情况, seen on node B").isEqualTo(1);
        HttpResponse<String> reports = browser.call(b, "GET", "/api/reports", null, false);
        assertThat(reports.statusCode())
                .as("/api reads the Tasklist's session on node B")
                .isEqualTo(200);
        String taskId = open.get(0).path("id").asText();
        HttpResponse<String> claimed = browser.call(
                b,
                "POST",
                "/camunda/api/engine/engine/default/task/" + taskId + "/claim",
                "{\"userId\":\"clerk\"}",
                true);
        assertThat(claimed.statusCode())
                .as("a change on node B with node A's session and CSRF token: %s", claimed.body())
                .isEqualTo(204);
        assertThat(db.queryForObject("SELECT assignee_ FROM act_ru_task WHERE id_ = ?", String.class, taskId))
                .isEqualTo("clerk");
        // And back on node A, the same session.
        assertThat(browser.call(a, "GET", "/camunda/api/engine/engine/default/task/" + taskId, null, false)
                        .statusCode())
                .isEqualTo(200);
        // Without the cookie, node B knows no one.
        Browser stranger = new Browser();
        assertThat(stranger.call(b, "GET", "/camunda/api/engine/engine/default/task/" + taskId, null, false)
                        .statusCode())
                .isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM spring_session"))
                .as("the session, in the shared database")
                .isPositive();
    }

    @Test
    @Order(3)
    void twoHundredReportsOnAlternatingNodesOneNodeKilledEachPublishedOnce() throws Exception {
        String sample = sample();
        int before = count("SELECT COUNT(*) FROM jx_report");
        // Starts first, alternating nodes (a start is not repeatable, so no node dies while reports are started).
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> starts = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            Node node = i % 2 == 0 ? a : b;
            starts.add(pool.submit(() -> {
                HttpResponse<String> started = node.call("POST", "/api/reports", "clerk", sample, Map.of());
                assertThat(started.statusCode())
                        .as("start on %s: %s", node.name, started.body())
                        .isEqualTo(201);
                ids.add(read(started.body()).path("id").asText());
            }));
        }
        for (Future<?> start : starts) {
            start.get(10, TimeUnit.MINUTES);
        }
        assertThat(count("SELECT COUNT(*) FROM jx_report")).isEqualTo(before + REPORTS);

        // Then every step of every report, each on the other node than the step before.
        Driver driver = new Driver();
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            boolean returnOnce = i % 10 == 0;
            runs.add(pool.submit(() -> driver.drive(id, returnOnce)));
        }

        // Halfway, once node B's job executor holds publication jobs, node B dies.
        long until = System.currentTimeMillis() + 600_000;
        while (driver.accepted.get() < REPORTS / 2) {
            assertThat(System.currentTimeMillis())
                    .as("half the reports accepted")
                    .isLessThan(until);
            Node.sleep(100);
        }
        long lockWaitUntil = System.currentTimeMillis() + 60_000;
        while (lockedBy("node-b").isEmpty() && System.currentTimeMillis() < lockWaitUntil) {
            Node.sleep(10);
        }
        b.kill();
        long killedAt = System.nanoTime();
        Set<String> orphaned = lockedBy("node-b");
        System.out.printf(
                "[cluster] node B killed with %d reports accepted; %d jobs left locked by it%n",
                driver.accepted.get(), orphaned.size());
        assertThat(orphaned).as("node B held jobs when it died").isNotEmpty();

        // The dead node's jobs are taken up by node A within a minute of the kill.
        while (!stillThere(orphaned).isEmpty()) {
            assertThat((System.nanoTime() - killedAt) / 1e9)
                    .as("the dead node's jobs done within a minute of the kill")
                    .isLessThan(60);
            Node.sleep(250);
        }
        double orphansDoneS = (System.nanoTime() - killedAt) / 1e9;
        for (Future<?> run : runs) {
            run.get(15, TimeUnit.MINUTES);
        }
        pool.shutdown();
        String placeholders = String.join(",", Collections.nCopies(ids.size(), "?"));
        Object[] args = ids.toArray();
        long publishUntil = System.currentTimeMillis() + 120_000;
        while (count(
                        "SELECT COUNT(*) FROM jx_report WHERE stage = 'published' AND instance_id IN (" + placeholders
                                + ")",
                        args)
                < REPORTS) {
            assertThat(System.currentTimeMillis()).as("every report published").isLessThan(publishUntil);
            Node.sleep(500);
        }
        System.out.printf(
                "[cluster] the dead node's %d jobs done %.1f s after the kill; all %d reports published"
                        + " %.1f s after it; %d steps, %d retried after the kill%n",
                orphaned.size(),
                orphansDoneS,
                REPORTS,
                (System.nanoTime() - killedAt) / 1e9,
                driver.steps.get(),
                driver.retries.get());

        // Exact counts, from the database.
        assertThat(count("SELECT COUNT(*) FROM jx_report WHERE instance_id IN (" + placeholders + ")", args))
                .isEqualTo(REPORTS);
        assertThat(count(
                        "SELECT COUNT(*) FROM jx_report WHERE stage = 'published' AND published_on IS NOT NULL"
                                + " AND instance_id IN (" + placeholders + ")",
                        args))
                .isEqualTo(REPORTS);
        assertThat(count(
                        "SELECT COUNT(*) FROM act_hi_procinst WHERE state_ = 'COMPLETED' AND id_ IN (" + placeholders
                                + ")",
                        args))
                .as("every instance ended")
                .isEqualTo(REPORTS);
        assertThat(db.queryForList(
                        "SELECT proc_inst_id_ FROM act_hi_varinst WHERE name_ = 'publishedDocument'"
                                + " AND proc_inst_id_ IN (" + placeholders
                                + ") GROUP BY proc_inst_id_ HAVING COUNT(*) <> 1",
                        String.class,
                        args))
                .as("one document per report")
                .isEmpty();
        assertThat(count(
                        "SELECT COUNT(DISTINCT proc_inst_id_) FROM act_hi_varinst WHERE name_ = 'publishedDocument'"
                                + " AND proc_inst_id_ IN (" + placeholders + ")",
                        args))
                .isEqualTo(REPORTS);
        assertThat(db.queryForList(
                        "SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2 GROUP BY job_id_"
                                + " HAVING COUNT(*) > 1",
                        String.class))
                .as("no job ran to its end twice")
                .isEmpty();
        assertThat(count(
                        "SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2 AND process_instance_id_ IN ("
                                + placeholders + ")",
                        args))
                .as("one publication job per report")
                .isEqualTo(REPORTS);
        assertThat(count("SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ IN (" + placeholders + ")", args))
                .as("no job left")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM act_ru_incident"))
                .as("no incident")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM act_hi_incident"))
                .as("no incident, ever")
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM jx_review_comment WHERE step = 'internalReview' AND decision = 'return'"
                                + " AND instance_id IN (" + placeholders + ")",
                        args))
                .isEqualTo(REPORTS / 10);
        // Each report's one document, as the public reads it, from the node that lives.
        for (String id : ids.subList(0, 20)) {
            HttpResponse<String> document = a.call("GET", "/public/reports/" + id + "/document", null, null, Map.of());
            assertThat(document.statusCode()).as("document of %s", id).isEqualTo(200);
        }
        assertThat(a.alive()).isTrue();
    }

    /** Drives reports step by step, each step on the other node than the last (node A alone once B is dead). */
    final class Driver {

        final AtomicInteger accepted = new AtomicInteger();
        final AtomicLong steps = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        private final Map<String, Boolean> returned = new ConcurrentHashMap<>();
        /** Reports a return was sent for, whether or not its answer came back. */
        private final Set<String> returning = ConcurrentHashMap.newKeySet();

        void drive(String id, boolean returnOnce) {
            int step = id.hashCode() & 1;
            long until = System.currentTimeMillis() + 900_000;
            while (true) {
                assertThat(System.currentTimeMillis())
                        .as("report %s finished", id)
                        .isLessThan(until);
                try {
                    String stage = node(step++)
                            .json("/api/reports/" + id, "admin")
                            .path("stage")
                            .asText();
                    switch (stage) {
                        case "drafting" -> {
                            if (returning.contains(id)) {
                                // A return whose answer was lost with the killed node had taken effect.
                                returned.put(id, true);
                            }
                            for (JsonNode task : tasks(node(step++), "clerk", id)) {
                                complete(node(step++), "clerk", task.path("id").asText(), "{}");
                            }
                        }
                        case "internalReview" -> {
                            // Returned once: counted only when the return is known to have taken effect, so a
                            // return lost with the killed node before it committed is made again, not approved.
                            boolean giveBack = returnOnce && !returned.containsKey(id);
                            String decision = giveBack
                                    ? "{\"variables\":{\"leaderDecision\":{\"value\":\"return\"},"
                                            + "\"leaderComment\":{\"value\":\"请核对项目支出绩效自评表\"},"
                                            + "\"sectionsToRevise\":{\"value\":\"[\\\"projects\\\"]\",\"type\":\"Json\"}}}"
                                    : "{\"variables\":{\"leaderDecision\":{\"value\":\"approve\"}}}";
                            for (JsonNode task : tasks(node(step++), "leader", id)) {
                                if (giveBack) {
                                    returning.add(id);
                                }
                                if (complete(
                                                node(step++),
                                                "leader",
                                                task.path("id").asText(),
                                                decision)
                                        && giveBack) {
                                    returned.put(id, true);
                                }
                            }
                        }
                        case "financeReview" -> {
                            for (JsonNode task : tasks(node(step++), "finance", id)) {
                                if (complete(
                                        node(step++),
                                        "finance",
                                        task.path("id").asText(),
                                        "{\"variables\":{\"financeDecision\":{\"value\":\"accept\"}}}")) {
                                    accepted.incrementAndGet();
                                }
                            }
                        }
                        case "accepted", "published" -> {
                            return;
                        }
                        default -> throw new AssertionError("unexpected stage " + stage + " of " + id);
                    }
                } catch (UncheckedIOException nodeGone) {
                    // The node died under this request (as a load balancer would, the next goes to the other): read
                    // again.
                    retries.incrementAndGet();
                }
            }
        }

        private Node node(int step) {
            Node chosen = step % 2 == 0 ? a : b;
            return chosen.alive() ? chosen : (chosen == a ? b : a);
        }

        private JsonNode tasks(Node node, String user, String id) {
            return node.json("/engine-rest/task?processInstanceId=" + id, user);
        }

        /** True when this call completed the task; a task completed a moment earlier (404, 409) or gone is no error. */
        private boolean complete(Node node, String user, String taskId, String body) {
            steps.incrementAndGet();
            HttpResponse<String> response =
                    node.call("POST", "/engine-rest/task/" + taskId + "/complete", user, body, Map.of());
            if (response.statusCode() == 204) {
                return true;
            }
            assertThat(response.statusCode())
                    .as("complete %s as %s on %s: %s", taskId, user, node.name, response.body())
                    .isIn(404, 409);
            return false;
        }
    }

    /** A cookie-keeping client, as a browser behind a load balancer that may send each request to any node. */
    static final class Browser {

        final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> call(Node node, String method, String path, String body, boolean xsrf) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (!cookies.isEmpty()) {
                headers.put(
                        "Cookie",
                        String.join(
                                "; ",
                                cookies.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .toList()));
            }
            if (xsrf && cookies.containsKey("XSRF-TOKEN")) {
                headers.put("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
            String json = null;
            if (body != null && body.startsWith("{")) {
                json = body;
            } else if (body != null) {
                headers.put("Content-Type", "application/x-www-form-urlencoded");
            }
            HttpResponse<String> response = body == null || json != null
                    ? node.call(method, path, null, json, headers)
                    : node.callForm(method, path, body, headers);
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(
                            pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return response;
        }
    }

    private synchronized Set<String> lockedBy(String owner) {
        return Set.copyOf(db.queryForList("SELECT id_ FROM act_ru_job WHERE lock_owner_ = ?", String.class, owner));
    }

    private Set<String> stillThere(Set<String> jobIds) {
        Set<String> left = ConcurrentHashMap.newKeySet();
        for (String id : jobIds) {
            if (count("SELECT COUNT(*) FROM act_ru_job WHERE id_ = ?", id) > 0) {
                left.add(id);
            }
        }
        return left;
    }

    private synchronized int count(String sql, Object... args) {
        Integer n = db.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static JsonNode read(String body) {
        try {
            return Node.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sample() throws IOException {
        try (InputStream in = TwoNodesTest.class.getResourceAsStream(SAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
