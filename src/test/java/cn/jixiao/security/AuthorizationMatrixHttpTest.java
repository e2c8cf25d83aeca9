package cn.jixiao.security;

import static cn.jixiao.security.AuthorizationMatrixHttpTest.Action.CORRECT;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Action.EDIT;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Action.FINANCE_DECISION;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Action.HISTORY;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Action.LEADER_DECISION;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Action.LIST;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Action.MANAGE;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Action.PUBLIC;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Action.READ;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Action.REROUTE;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Action.START;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Right.NO;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Right.PUBLISHED;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Right.RECEIVED;
import static cn.jixiao.security.AuthorizationMatrixHttpTest.Right.YES;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lead's rights table, cell by cell, over real HTTP: every role × every action × own unit / other unit, through
 * the app's {@code /api}, through the {@code /engine-rest} calls a curious user would try, and through the public
 * pages. Read it in three parts:
 * <ol>
 * <li>{@link #RIGHTS}: the table itself, one line per action, one column per actor — a copy of the lead's table;</li>
 * <li>{@link Door}: every way in, with what "allowed" and what "refused" look like there ({@link #expect});</li>
 * <li>{@link #cells()}: action × door × report fixture × actor; each cell asserts the exact status, for lists whether
 * the report appears, and for refusals that nothing of the report leaked into the body.</li>
 * </ol>
 * The fixtures are made once over HTTP: reports of 衡山县行政审批服务局 (XZSP) in every stage and two of 衡山县教育局
 * (JYJ), one never submitted and one at 财政局审核, so the finance bureau's "never before arrival" and "any unit once
 * received" are both covered. A cell that completes a task with success gets a fresh report of its own, so the
 * shared fixtures' tasks stay open for the refusal cells. A compact grid of all cells is printed at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixHttpTest extends HttpTestSupport {

    // ================================================================ 1. the rights table

    /** The rows of the lead's table. */
    enum Action {
        START("start a report"),
        READ("read a report, its evaluation, its .docx"),
        EDIT("edit a section / submit"),
        LEADER_DECISION("leader decision (internalReview)"),
        FINANCE_DECISION("finance decision (financeReview)"),
        HISTORY("see history and comments"),
        LIST("list reports"),
        MANAGE("manage units and users"),
        REROUTE("re-route a task or a report: candidates, assignee, delegation, start elsewhere, foreign variables"),
        PUBLIC("read published reports"),
        CORRECT("correct a published report (更正)");

        final String label;

        Action(String label) {
            this.label = label;
        }
    }

    /** The columns of the lead's table, with "own unit / other unit" spelled out for the unit roles. */
    enum Actor {
        CLERK_OWN("clerk·own"),
        CLERK_OTHER("clerk·other"),
        LEADER_OWN("leader·own"),
        LEADER_OTHER("leader·other"),
        FINANCE("finance"),
        ADMIN("admin"),
        ANONYMOUS("anonymous");

        final String label;

        Actor(String label) {
            this.label = label;
        }

        /** The demo user who plays this actor for a report of {@code unit} (null: no credentials). */
        String user(String unit) {
            String other = XZSP.equals(unit) ? JYJ : XZSP;
            return switch (this) {
                case CLERK_OWN -> clerkOf(unit);
                case CLERK_OTHER -> clerkOf(other);
                case LEADER_OWN -> leaderOf(unit);
                case LEADER_OTHER -> leaderOf(other);
                case FINANCE -> "finance";
                case ADMIN -> "admin";
                case ANONYMOUS -> null;
            };
        }
    }

    /** What a cell of the lead's table says. */
    enum Right {
        YES,
        NO,
        /** Only a report that has reached 财政局审核 at least once (never a draft). */
        RECEIVED,
        /** Only a published report. */
        PUBLISHED
    }

    /** The lead's table. Columns: clerk own, clerk other, leader own, leader other, finance, admin, anonymous. */
    static final Map<Action, List<Right>> RIGHTS = new EnumMap<>(Action.class);

    static {
        //                    clerk·own  clerk·other leader·own leader·other finance    admin      anonymous
        row(START, YES, NO, NO, NO, NO, NO, NO);
        row(READ, YES, NO, YES, NO, RECEIVED, YES, NO);
        row(EDIT, YES, NO, NO, NO, NO, YES, NO);
        row(LEADER_DECISION, NO, NO, YES, NO, NO, YES, NO);
        row(FINANCE_DECISION, NO, NO, NO, NO, YES, YES, NO);
        row(HISTORY, YES, NO, YES, NO, RECEIVED, YES, NO);
        row(LIST, YES, NO, YES, NO, RECEIVED, YES, NO);
        row(MANAGE, NO, NO, NO, NO, NO, YES, NO);
        row(REROUTE, NO, NO, NO, NO, NO, YES, NO);
        row(PUBLIC, PUBLISHED, PUBLISHED, PUBLISHED, PUBLISHED, PUBLISHED, PUBLISHED, PUBLISHED);
        row(CORRECT, NO, NO, NO, NO, PUBLISHED, PUBLISHED, NO);
    }

    private static void row(Action action, Right... byActor) {
        assertThat(byActor).hasSize(Actor.values().length);
        RIGHTS.put(action, List.of(byActor));
    }

    static boolean allowed(Action action, Actor actor, Fixture fixture) {
        return switch (RIGHTS.get(action).get(actor.ordinal())) {
            case YES -> true;
            case NO -> false;
            case RECEIVED -> fixture.reachedFinance;
            case PUBLISHED -> fixture.published;
        };
    }

    // ================================================================ 2. the fixtures and the doors

    /** The reports the cells act on (made once), plus the two pseudo-targets of START and MANAGE. */
    enum Fixture {
        XZSP_DRAFTING(XZSP, "XZSP 编制中", false, false, false, 0),
        XZSP_AT_SUBMIT(XZSP, "XZSP 待提交审核", false, false, false, 0),
        XZSP_INTERNAL_REVIEW(XZSP, "XZSP 单位负责人审核", true, false, false, 0),
        XZSP_FINANCE_REVIEW(XZSP, "XZSP 财政局审核", true, true, false, 1),
        XZSP_PUBLISHED(XZSP, "XZSP 已公开", true, true, true, 2),
        JYJ_DRAFTING(JYJ, "JYJ 编制中", false, false, false, 0),
        JYJ_FINANCE_REVIEW(JYJ, "JYJ 财政局审核", true, true, false, 1),
        /** START: a new report of XZSP. */
        NEW_XZSP_REPORT(XZSP, "new XZSP report", false, false, false, 0),
        /** MANAGE: units, users, rights, deployments. */
        SYSTEM(XZSP, "system", false, false, false, 0);

        final String unit;
        final String label;
        final boolean submitted;
        final boolean reachedFinance;
        final boolean published;
        final int decisions;

        Fixture(
                String unit,
                String label,
                boolean submitted,
                boolean reachedFinance,
                boolean published,
                int decisions) {
            this.unit = unit;
            this.label = label;
            this.submitted = submitted;
            this.reachedFinance = reachedFinance;
            this.published = published;
            this.decisions = decisions;
        }

        boolean running() {
            return !published;
        }
    }

    static final List<Fixture> REPORTS = List.of(
            Fixture.XZSP_DRAFTING,
            Fixture.XZSP_INTERNAL_REVIEW,
            Fixture.XZSP_FINANCE_REVIEW,
            Fixture.XZSP_PUBLISHED,
            Fixture.JYJ_DRAFTING,
            Fixture.JYJ_FINANCE_REVIEW);
    static final List<Fixture> RUNNING_REPORTS =
            REPORTS.stream().filter(Fixture::running).toList();

    /** Every way in. {@code authenticated}: anonymous callers get 401 there. */
    enum Door {
        API_START("POST /api/reports"),
        REST_START("POST /engine-rest/process-definition/key/selfEvaluationReport/start"),
        API_REPORT("GET /api/reports/{id}"),
        API_EVALUATION("GET /api/reports/{id}/evaluation"),
        API_DOCUMENT("GET /api/reports/{id}/document"),
        REST_PROCESS_VARIABLES("GET /engine-rest/process-instance/{id}/variables"),
        REST_HISTORY_VARIABLES("GET /engine-rest/history/variable-instance?processInstanceId="),
        API_COMPLETE("POST /api/tasks/{task}/complete"),
        REST_COMPLETE("POST /engine-rest/task/{task}/complete"),
        REST_TASKS("GET /engine-rest/task (lists the task)"),
        REST_TASK_VARIABLES("GET /engine-rest/task/{task}/variables"),
        TASKLIST_FINANCE_FILTER("GET /engine-rest/filter/{待财政审核}/list"),
        API_COMMENTS("GET /api/reports/{id} → comments"),
        REST_HISTORY_TASKS("GET /engine-rest/history/task?processInstanceId="),
        REST_USER_OPERATIONS("GET /engine-rest/history/user-operation?processInstanceId="),
        REST_TASK_COMMENTS("GET /engine-rest/task/{task}/comment"),
        API_LIST("GET /api/reports"),
        REST_PROCESS_INSTANCES("GET /engine-rest/process-instance"),
        REST_HISTORY_PROCESS_INSTANCES("GET /engine-rest/history/process-instance?processInstanceId="),
        API_UNITS("GET /api/units"),
        API_UNIT_CREATE("POST /api/units"),
        REST_USERS("GET /engine-rest/user (sees other users)"),
        REST_USER_CREATE("POST /engine-rest/user/create"),
        REST_GROUP_MEMBER("PUT /engine-rest/group/finance-bureau/members/{user}"),
        REST_AUTHORIZATIONS("GET /engine-rest/authorization (sees any)"),
        REST_AUTHORIZATION_CREATE("POST /engine-rest/authorization/create"),
        REST_DEPLOYMENT_CREATE("POST /engine-rest/deployment/create (multipart)"),
        REST_IDENTITY_LINK("POST /engine-rest/task/{task}/identity-links (candidate user admin)"),
        REST_ASSIGNEE("POST /engine-rest/task/{task}/assignee (admin)"),
        REST_DELEGATE("POST /engine-rest/task/{task}/delegate (admin)"),
        REST_START_INSTRUCTIONS("POST /engine-rest/…/start with startInstructions (publishReport)"),
        REST_FOREIGN_VARIABLE(
                "POST /engine-rest/task/{task}/complete with its own and a foreign variable (evaluation)"),
        PUBLIC_LIST("GET /public/reports (lists it)", false),
        PUBLIC_DOCUMENT("GET /public/reports/{id}/document", false),
        API_CORRECTION("POST /api/reports/{id}/corrections");

        final String label;
        final boolean authenticated;

        Door(String label) {
            this(label, true);
        }

        Door(String label, boolean authenticated) {
            this.label = label;
            this.authenticated = authenticated;
        }
    }

    /** The task doors, for the three rows that work on tasks. */
    static final List<Door> TASK_DOORS =
            List.of(Door.API_COMPLETE, Door.REST_COMPLETE, Door.REST_TASKS, Door.REST_TASK_VARIABLES);

    // ================================================================ 3. the cells

    record Cell(Action action, Door door, Fixture fixture, Actor actor) {

        boolean allowed() {
            return AuthorizationMatrixHttpTest.allowed(action, actor, fixture);
        }

        String user() {
            return actor.user(fixture.unit);
        }

        String key() {
            return action + "|" + door + "|" + fixture + "|" + actor;
        }

        @Override
        public String toString() {
            return "[" + action + "] " + actor.label + " " + door.label + " @ " + fixture.label + " → "
                    + (allowed() ? "allowed" : "refused");
        }
    }

    static Stream<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        add(cells, START, List.of(Door.API_START, Door.REST_START), List.of(Fixture.NEW_XZSP_REPORT));
        add(
                cells,
                READ,
                List.of(Door.API_REPORT, Door.API_EVALUATION, Door.API_DOCUMENT, Door.REST_HISTORY_VARIABLES),
                REPORTS);
        add(cells, READ, List.of(Door.REST_PROCESS_VARIABLES), RUNNING_REPORTS);
        add(cells, EDIT, TASK_DOORS, List.of(Fixture.XZSP_DRAFTING, Fixture.XZSP_AT_SUBMIT));
        add(cells, LEADER_DECISION, TASK_DOORS, List.of(Fixture.XZSP_INTERNAL_REVIEW));
        List<Door> financeDoors = new ArrayList<>(TASK_DOORS);
        financeDoors.add(Door.TASKLIST_FINANCE_FILTER);
        add(cells, FINANCE_DECISION, financeDoors, List.of(Fixture.XZSP_FINANCE_REVIEW, Fixture.JYJ_FINANCE_REVIEW));
        add(
                cells,
                HISTORY,
                List.of(Door.API_COMMENTS, Door.REST_HISTORY_TASKS, Door.REST_USER_OPERATIONS, Door.REST_TASK_COMMENTS),
                REPORTS);
        add(cells, LIST, List.of(Door.API_LIST, Door.REST_HISTORY_PROCESS_INSTANCES), REPORTS);
        add(cells, LIST, List.of(Door.REST_PROCESS_INSTANCES), RUNNING_REPORTS);
        add(
                cells,
                MANAGE,
                List.of(
                        Door.API_UNITS,
                        Door.API_UNIT_CREATE,
                        Door.REST_USERS,
                        Door.REST_USER_CREATE,
                        Door.REST_GROUP_MEMBER,
                        Door.REST_AUTHORIZATIONS,
                        Door.REST_AUTHORIZATION_CREATE,
                        Door.REST_DEPLOYMENT_CREATE),
                List.of(Fixture.SYSTEM));
        add(cells, PUBLIC, List.of(Door.PUBLIC_LIST, Door.PUBLIC_DOCUMENT), REPORTS);
        add(cells, CORRECT, List.of(Door.API_CORRECTION), REPORTS);
        add(
                cells,
                REROUTE,
                List.of(Door.REST_IDENTITY_LINK, Door.REST_ASSIGNEE, Door.REST_DELEGATE, Door.REST_FOREIGN_VARIABLE),
                List.of(
                        Fixture.XZSP_DRAFTING,
                        Fixture.XZSP_AT_SUBMIT,
                        Fixture.XZSP_INTERNAL_REVIEW,
                        Fixture.XZSP_FINANCE_REVIEW,
                        Fixture.JYJ_FINANCE_REVIEW));
        add(cells, REROUTE, List.of(Door.REST_START_INSTRUCTIONS), List.of(Fixture.NEW_XZSP_REPORT));
        return cells.stream();
    }

    private static void add(List<Cell> cells, Action action, List<Door> doors, List<Fixture> fixtures) {
        for (Door door : doors) {
            for (Fixture fixture : fixtures) {
                for (Actor actor : Actor.values()) {
                    cells.add(new Cell(action, door, fixture, actor));
                }
            }
        }
    }

    /**
     * Cells the application does not enforce yet (key → what is wrong). Such a cell still runs; if it fails it is
     * reported as skipped with "MAIN BUG: …" (the parameterized form of {@code @Disabled}), so the build stays green
     * until the lead fixes the main code. Once fixed, remove the entry (the run prints a reminder).
     */
    static final Map<String, String> MAIN_BUGS = Map.of();

    // ================================================================ what each door answers

    /** The expected answer at a door: a status, and for lists whether the report (or task) is in it. */
    record Expect(int status, Boolean listed, String note) {

        static Expect status(int status) {
            return new Expect(status, null, "");
        }

        static Expect status(int status, String note) {
            return new Expect(status, null, note);
        }

        static Expect listed(boolean listed) {
            return new Expect(200, listed, "");
        }

        String shortForm() {
            return listed == null ? String.valueOf(status) : (listed ? "in" : "out");
        }
    }

    /**
     * What "allowed" and "refused" look like at each door. Refusals: /api answers 404 for a report or task the caller
     * may not see (nobody learns which ids exist) and 403 for an action on something visible; /engine-rest answers 403
     * (Camunda's AuthorizationException) for a single resource and leaves the report out of a list (200); anonymous
     * callers get 401 everywhere but the public pages. The task doors belong to the row of the task's own work: reading
     * a task's variables is part of working on it, so a leader is refused a drafting task's variables (403) although
     * the same content is readable to them as the report (READ row).
     */
    static Expect expect(Cell cell) {
        if (cell.actor() == Actor.ANONYMOUS && cell.door().authenticated) {
            return Expect.status(401);
        }
        boolean ok = cell.allowed();
        return switch (cell.door()) {
            case API_START -> Expect.status(ok ? 201 : 403);
            case REST_START -> Expect.status(ok ? 200 : 403);
            case API_REPORT, API_DOCUMENT, API_COMMENTS -> Expect.status(ok ? 200 : 404);
            // Before the first submission there is no evaluation yet: 404 with its own message, not the refusal's.
            case API_EVALUATION ->
                ok
                        ? (cell.fixture().submitted ? Expect.status(200) : Expect.status(404, "not yet"))
                        : Expect.status(404);
            case REST_PROCESS_VARIABLES, REST_TASK_VARIABLES -> Expect.status(ok ? 200 : 403);
            case REST_COMPLETE -> Expect.status(ok ? 204 : 403);
            case API_COMPLETE -> Expect.status(ok ? 204 : 404);
            case REST_TASK_COMMENTS -> Expect.status(ok ? 200 : 404);
            // The finance bureau's filter is the bureau's alone: others may not even run it.
            case TASKLIST_FINANCE_FILTER -> ok ? Expect.listed(true) : Expect.status(403);
            case REST_HISTORY_VARIABLES,
                    REST_HISTORY_TASKS,
                    REST_USER_OPERATIONS,
                    REST_TASKS,
                    API_LIST,
                    REST_PROCESS_INSTANCES,
                    REST_HISTORY_PROCESS_INSTANCES,
                    REST_USERS,
                    REST_AUTHORIZATIONS,
                    PUBLIC_LIST -> Expect.listed(ok);
            case API_UNITS -> Expect.status(ok ? 200 : 403);
            case API_UNIT_CREATE -> Expect.status(ok ? 201 : 403);
            case REST_USER_CREATE, REST_GROUP_MEMBER -> Expect.status(ok ? 204 : 403);
            case REST_AUTHORIZATION_CREATE, REST_DEPLOYMENT_CREATE -> Expect.status(ok ? 200 : 403);
            case PUBLIC_DOCUMENT -> Expect.status(ok ? 200 : 404);
            // Administrators may re-route (repairs); everyone else is refused at the door, before Camunda reads the
            // call.
            case REST_IDENTITY_LINK, REST_ASSIGNEE, REST_DELEGATE -> Expect.status(ok ? 204 : 403);
            // A report starts at its start event for everyone; an administrator passes the door, but is no unit's
            // clerk.
            case REST_START_INSTRUCTIONS -> Expect.status(403);
            // A task takes only its own variables, whoever completes it.
            case REST_FOREIGN_VARIABLE -> Expect.status(400);
            // 更正: anyone but the finance bureau and administrators is refused whatever the report (403); the bureau
            // does
            // not learn of a report it never received (404); a report that is not published is no correction's (409).
            case API_CORRECTION ->
                ok
                        ? Expect.status(202)
                        : cell.actor() != Actor.FINANCE && cell.actor() != Actor.ADMIN
                                ? Expect.status(403)
                                : cell.actor() == Actor.FINANCE && !cell.fixture().reachedFinance
                                        ? Expect.status(404)
                                        : Expect.status(409, "not published");
        };
    }

    // ================================================================ the test

    private final Map<Fixture, String> reports = new EnumMap<>(Fixture.class);
    private static final Map<String, String> RESULTS = new ConcurrentHashMap<>();
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private String financeFilterId;
    private long startedAt;

    @BeforeAll
    void makeFixtures() {
        startedAt = System.currentTimeMillis();
        reports.put(Fixture.XZSP_DRAFTING, reportInDrafting(XZSP));
        reports.put(Fixture.XZSP_AT_SUBMIT, reportAtSubmit(XZSP));
        reports.put(Fixture.XZSP_INTERNAL_REVIEW, reportInInternalReview(XZSP));
        reports.put(Fixture.XZSP_FINANCE_REVIEW, reportInFinanceReview(XZSP));
        reports.put(Fixture.XZSP_PUBLISHED, publishedReport(XZSP));
        reports.put(Fixture.JYJ_DRAFTING, reportInDrafting(JYJ));
        reports.put(Fixture.JYJ_FINANCE_REVIEW, reportInFinanceReview(JYJ));
        for (JsonNode filter : get("admin", "/engine-rest/filter").json()) {
            if ("待财政审核".equals(filter.path("name").asText())) {
                financeFilterId = filter.path("id").asText();
            }
        }
        assertThat(financeFilterId).as("the Tasklist filter 待财政审核").isNotNull();
        System.out.printf("MATRIX fixtures ready in %d ms: %s%n", System.currentTimeMillis() - startedAt, reports);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cell(Cell cell) {
        Expect expected = expect(cell);
        RESULTS.put(cell.key(), "!" + expected.shortForm());
        String bug = MAIN_BUGS.get(cell.key());
        try {
            check(cell, expected);
        } catch (AssertionError failure) {
            if (bug == null) {
                throw failure;
            }
            RESULTS.put(cell.key(), "BUG");
            Assumptions.abort("MAIN BUG: " + bug + " — " + failure.getMessage());
        }
        if (bug != null) {
            System.out.println(
                    "MATRIX the MAIN BUG marker of " + cell.key() + " is no longer needed: remove it from MAIN_BUGS");
        }
        RESULTS.put(cell.key(), (cell.allowed() ? "✓" : "·") + expected.shortForm());
    }

    private void check(Cell cell, Expect expected) {
        Observed observed = perform(cell, expected);
        String where = cell + " — " + observed.response();
        assertThat(observed.response().status()).as("status of %s", where).isEqualTo(expected.status());
        if (expected.listed() != null) {
            assertThat(observed.listed()).as("listed in %s", where).isEqualTo(expected.listed());
        }
        if (!cell.allowed()) {
            assertNothingLeaked(cell, observed);
        } else {
            observed.check().run();
        }
        assertNoStackTrace(observed.response());
    }

    @AfterAll
    void printSummary() {
        Map<String, Map<Actor, String>> rows = new TreeMap<>();
        cells().forEach(c -> rows.computeIfAbsent(
                        String.format(
                                "%02d %-16s %-62s %-20s",
                                c.action().ordinal(), c.action(), c.door().label, c.fixture().label),
                        k -> new EnumMap<>(Actor.class))
                .put(c.actor(), RESULTS.getOrDefault(c.key(), "?")));
        StringBuilder out = new StringBuilder(
                "\nMATRIX ✓ allowed as the table says · refused as the table says, ! failed, BUG skipped"
                        + " (in/out: listed or not; numbers: HTTP status)\n");
        out.append(String.format("%-102s", "action / door / report"));
        for (Actor a : Actor.values()) {
            out.append(String.format(" %-12s", a.label));
        }
        out.append('\n');
        long total = 0;
        long failed = 0;
        for (var row : rows.entrySet()) {
            out.append(row.getKey().substring(3));
            for (Actor a : Actor.values()) {
                String result = row.getValue().getOrDefault(a, "");
                total++;
                if (result.startsWith("!") || result.equals("?")) {
                    failed++;
                }
                out.append(String.format(" %-12s", result));
            }
            out.append('\n');
        }
        out.append(String.format(
                "MATRIX %d cells, %d not passed, in %d s%n",
                total, failed, (System.currentTimeMillis() - startedAt) / 1000));
        System.out.println(out);
    }

    // ================================================================ performing a cell

    /**
     * What happened at the door: the response, whether the target was listed (lists only), the allowed cell's extra
     * check, the refused cell's extra check (nothing changed), and texts that must not be in a refusal's body.
     */
    record Observed(Response response, Boolean listed, Runnable check, Runnable refusalCheck, List<String> secrets) {

        static Observed of(Response response) {
            return new Observed(response, null, () -> {}, () -> {}, List.of());
        }

        static Observed of(Response response, Runnable check) {
            return new Observed(response, null, check, () -> {}, List.of());
        }

        static Observed list(Response response, Boolean listed) {
            return new Observed(response, listed, () -> {}, () -> {}, List.of());
        }

        Observed withRefusalCheck(Runnable refusal) {
            return new Observed(response, listed, check, refusal, secrets);
        }

        Observed withSecrets(List<String> more) {
            return new Observed(response, listed, check, refusalCheck, more);
        }
    }

    private Observed perform(Cell cell, Expect expected) {
        String user = cell.user();
        String id = reports.get(cell.fixture());
        Fixture fx = cell.fixture();
        return switch (cell.door()) {
            case API_START -> startThroughApi(user);
            case REST_START -> startThroughEngine(user);
            case API_REPORT -> {
                Response r = get(user, "/api/reports/" + id);
                yield Observed.of(r, () -> {
                    assertThat(r.json().path("id").asText()).isEqualTo(id);
                    assertThat(r.json().path("report").path("unit").path("code").asText())
                            .isEqualTo(fx.unit);
                    assertThat(r.body()).contains("179.2", "821.02");
                });
            }
            case API_EVALUATION -> {
                Response r = get(user, "/api/reports/" + id + "/evaluation");
                yield Observed.of(r, () -> {
                            if (fx.submitted) {
                                assertThat(r.json().path("projects").isArray())
                                        .as("evaluation %s", r)
                                        .isTrue();
                            } else {
                                assertThat(r.json().path("message").asText())
                                        .as("not submitted yet")
                                        .contains("尚未提交");
                            }
                        })
                        .withSecrets(List.of("尚未提交", "projects"));
            }
            case API_DOCUMENT -> {
                Response r = exchange("GET", "/api/reports/" + id + "/document", auth(user, "*/*"), null);
                yield Observed.of(r, () -> assertDocx(r));
            }
            case REST_PROCESS_VARIABLES -> {
                Response r = get(user, "/engine-rest/process-instance/" + id + "/variables?deserializeValues=false");
                yield Observed.of(
                        r,
                        () -> assertThat(r.json().has("budget"))
                                .as("variables %s", r)
                                .isTrue());
            }
            case REST_HISTORY_VARIABLES ->
                historyList(user, "/engine-rest/history/variable-instance?processInstanceId=" + q(id), id);
            case REST_HISTORY_TASKS -> historyList(user, "/engine-rest/history/task?processInstanceId=" + q(id), id);
            case REST_USER_OPERATIONS ->
                historyList(user, "/engine-rest/history/user-operation?processInstanceId=" + q(id), id);
            case REST_HISTORY_PROCESS_INSTANCES ->
                listed(get(user, "/engine-rest/history/process-instance?processInstanceId=" + q(id)), "id", id);
            case REST_PROCESS_INSTANCES -> listed(get(user, "/engine-rest/process-instance"), "id", id);
            case API_LIST -> listed(get(user, "/api/reports"), "id", id);
            case API_COMMENTS -> {
                Response r = get(user, "/api/reports/" + id);
                yield Observed.of(r, () -> {
                    JsonNode comments = r.json().path("comments");
                    assertThat(comments.isArray()).isTrue();
                    assertThat(comments).as("decisions on %s", fx.label).hasSize(fx.decisions);
                    comments.forEach(c -> assertThat(c.path("author").asText()).isNotBlank());
                });
            }
            case REST_TASK_COMMENTS -> taskComments(user, fx, id);
            case API_COMPLETE, REST_COMPLETE -> completeTask(cell, user, expected);
            case REST_TASKS -> listed(get(user, "/engine-rest/task"), "id", openTask(fx, id));
            case TASKLIST_FINANCE_FILTER ->
                listed(get(user, "/engine-rest/filter/" + financeFilterId + "/list"), "id", openTask(fx, id));
            case REST_TASK_VARIABLES -> {
                Response r = get(user, "/engine-rest/task/" + openTask(fx, id) + "/variables?deserializeValues=false");
                yield Observed.of(
                        r,
                        () -> assertThat(r.json().has("budget"))
                                .as("task variables %s", r)
                                .isTrue());
            }
            case API_UNITS -> {
                Response r = get(user, "/api/units");
                yield Observed.of(r, () -> assertThat(r.body()).contains(XZSP, JYJ));
            }
            case API_UNIT_CREATE -> createUnit(user);
            case REST_USERS -> {
                Response r = get(user, "/engine-rest/user");
                List<String> others = new ArrayList<>();
                if (r.status() == 200) {
                    r.json().forEach(u -> {
                        if (!u.path("id").asText().equals(user)) {
                            others.add(u.path("id").asText());
                        }
                    });
                }
                yield new Observed(
                        r,
                        r.status() == 200 ? !others.isEmpty() : null,
                        () -> assertThat(others).contains("clerk", "clerk2", "leader", "leader2", "finance"),
                        () -> {},
                        List.of());
            }
            case REST_USER_CREATE -> createUser(user);
            case REST_GROUP_MEMBER -> joinFinanceBureau(user);
            case REST_AUTHORIZATIONS -> {
                Response r = get(user, "/engine-rest/authorization");
                yield Observed.list(r, r.status() == 200 ? r.json().size() > 0 : null);
            }
            case REST_AUTHORIZATION_CREATE -> createAuthorization(user);
            case REST_DEPLOYMENT_CREATE -> deploy(user);
            case REST_IDENTITY_LINK, REST_ASSIGNEE, REST_DELEGATE -> reroute(cell, user);
            case REST_START_INSTRUCTIONS -> {
                long before = reportCount();
                ObjectNode body = MAPPER.createObjectNode();
                ObjectNode variables = body.putObject("variables");
                variables.putObject("unitCode").put("value", XZSP).put("type", "String");
                variables.putObject("fiscalYear").put("value", 2023).put("type", "Integer");
                body.putArray("startInstructions")
                        .addObject()
                        .put("type", "startBeforeActivity")
                        .put("activityId", "publishReport");
                Response r = postJson(user, "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", body);
                yield Observed.of(r)
                        .withRefusalCheck(() ->
                                assertThat(reportCount()).as("nothing started").isEqualTo(before));
            }
            case REST_FOREIGN_VARIABLE -> {
                String taskId = openTask(fx, id);
                Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
                switch (fx) {
                    case XZSP_INTERNAL_REVIEW -> variables.put("leaderDecision", string("approve"));
                    case XZSP_FINANCE_REVIEW, JYJ_FINANCE_REVIEW -> variables.put("financeDecision", string("accept"));
                    default -> {}
                }
                variables.put("evaluation", Map.of("value", "{\"totalScore\":100}", "type", "Json"));
                Response r = complete(user, taskId, variables);
                yield Observed.of(r)
                        .withRefusalCheck(() -> assertThat(get("admin", "/engine-rest/task/" + taskId)
                                        .status())
                                .as("task %s still open", taskId)
                                .isEqualTo(200));
            }
            case PUBLIC_LIST -> {
                Response r = exchange("GET", "/public/reports", auth(user, "text/html"), null);
                boolean in = r.body().contains("/public/reports/" + id + "/document");
                yield new Observed(r, in, () -> assertThat(r.body()).contains(XZSP_NAME), () -> {}, List.of());
            }
            case PUBLIC_DOCUMENT -> {
                Response r = exchange("GET", "/public/reports/" + id + "/document", auth(user, "*/*"), null);
                yield Observed.of(r, () -> assertDocx(r));
            }
            case API_CORRECTION -> correctReport(cell, user);
        };
    }

    private Map<String, String> auth(String user, String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", accept);
        if (user != null) {
            headers.put("Authorization", basic(user, PASSWORD));
        }
        return headers;
    }

    private static void assertDocx(Response r) {
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("wordprocessingml"));
        assertThat(r.body()).startsWith("PK");
    }

    /** A list answer: whether an entry with {@code field} = {@code value} is in it (null when not a list). */
    private static Observed listed(Response r, String field, String value) {
        Boolean in = null;
        if (r.status() == 200 && r.isJsonArray()) {
            in = false;
            for (JsonNode entry : r.json()) {
                in |= value.equals(entry.path(field).asText());
            }
        }
        return Observed.list(r, in);
    }

    /** A history list filtered by the report: allowed means entries, all of that report; refused means none. */
    private Observed historyList(String user, String path, String id) {
        Response r = get(user, path);
        Boolean in = null;
        if (r.status() == 200 && r.isJsonArray()) {
            in = r.json().size() > 0;
            r.json()
                    .forEach(e -> assertThat(e.path("processInstanceId").asText())
                            .as("%s: %s", path, e)
                            .isEqualTo(id));
        }
        return Observed.list(r, in);
    }

    /** The open task of a fixture the task doors act on. */
    private final Map<String, String> openTasks = new ConcurrentHashMap<>();

    private String openTask(Fixture fx, String id) {
        if (id.equals(reports.get(fx))) {
            return openTasks.computeIfAbsent(id, k -> lookUpOpenTask(fx, id));
        }
        return lookUpOpenTask(fx, id);
    }

    private String lookUpOpenTask(Fixture fx, String id) {
        String key = switch (fx) {
            case XZSP_DRAFTING -> "draftProblems";
            case XZSP_AT_SUBMIT -> "draftSubmit";
            case XZSP_INTERNAL_REVIEW -> "internalReview";
            case XZSP_FINANCE_REVIEW, JYJ_FINANCE_REVIEW -> "financeReview";
            default -> throw new IllegalArgumentException("no task door on " + fx);
        };
        return task("admin", id, key);
    }

    /** The comments of the report's last finished review task (with the decision's text), else of its first task. */
    private Observed taskComments(String user, Fixture fx, String id) {
        String taskId = null;
        String text = null;
        for (JsonNode t : get(
                        "admin",
                        "/engine-rest/history/task?processInstanceId=" + q(id) + "&sortBy=endTime&sortOrder=desc")
                .json()) {
            String key = t.path("taskDefinitionKey").asText();
            if (!t.path("endTime").isNull() && (key.equals("internalReview") || key.equals("financeReview"))) {
                taskId = t.path("id").asText();
                text = key.equals("financeReview") ? "审核通过" : "同意上报";
                break;
            }
        }
        if (taskId == null) {
            taskId = get("admin", "/engine-rest/history/task?processInstanceId=" + q(id))
                    .json()
                    .get(0)
                    .path("id")
                    .asText();
        }
        Response r = get(user, "/engine-rest/task/" + taskId + "/comment");
        String expectedText = text;
        List<String> secrets = text == null ? List.of() : List.of(text);
        return Observed.of(r, () -> {
                    assertThat(r.isJsonArray()).as("%s", r).isTrue();
                    if (expectedText != null) {
                        assertThat(r.body()).as("the decision's comment").contains(expectedText);
                    }
                })
                .withSecrets(secrets);
    }

    // ---------------------------------------------------------------- starting

    private Observed startThroughApi(String user) {
        long before = reportCount();
        Response r = postJson(user, "/api/reports", sample());
        long after = reportCount();
        return Observed.of(r, () -> assertThat(after).as("one report started").isEqualTo(before + 1))
                .withRefusalCheck(() -> assertThat(after).as("nothing started").isEqualTo(before));
    }

    private Observed startThroughEngine(String user) {
        long before = reportCount();
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode variables = body.putObject("variables");
        variables.putObject("unitCode").put("value", XZSP).put("type", "String");
        variables.putObject("fiscalYear").put("value", 2023).put("type", "Integer");
        Response r = postJson(user, "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", body);
        long after = reportCount();
        return Observed.of(r, () -> {
                    assertThat(after).as("one report started").isEqualTo(before + 1);
                    assertThat(report(user, r.json().path("id").asText())
                                    .path("report")
                                    .path("unit")
                                    .path("code")
                                    .asText())
                            .isEqualTo(XZSP);
                })
                .withRefusalCheck(() -> assertThat(after).as("nothing started").isEqualTo(before));
    }

    // ---------------------------------------------------------------- completing

    /**
     * Completes the cell's task with a valid body. An allowed cell works on a fresh report of the same stage (so the
     * shared fixture's task stays open for the refusals) and checks the decision landed, with the user, in the review
     * log and in Camunda's user operation log. A refused cell tries the shared fixture's task, which must stay open.
     */
    private Observed completeTask(Cell cell, String user, Expect expected) {
        Fixture fx = cell.fixture();
        boolean fresh = cell.allowed() && expected.status() == 204;
        String id = fresh ? freshReport(fx, cell) : reports.get(fx);
        String taskId = fresh ? freshTask(fx, cell, id) : openTask(fx, id);
        int decisionsBefore = report("admin", id).path("comments").size();
        Map<String, String> decision = switch (fx) {
            case XZSP_INTERNAL_REVIEW -> Map.of("leaderDecision", "approve", "leaderComment", "同意上报（矩阵）");
            case XZSP_FINANCE_REVIEW, JYJ_FINANCE_REVIEW ->
                Map.of("financeDecision", "return", "financeComment", "请补充说明（矩阵）", "sectionsToRevise", "all");
            default -> Map.of();
        };
        Response r;
        if (cell.door() == Door.API_COMPLETE) {
            ObjectNode body = MAPPER.createObjectNode();
            ObjectNode variables = body.putObject("variables");
            decision.forEach(variables::put);
            r = postJson(user, "/api/tasks/" + taskId + "/complete", body);
        } else {
            Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
            decision.forEach((k, v) -> variables.put(k, string(v)));
            r = complete(user, taskId, variables);
        }
        boolean review = !decision.isEmpty();
        return Observed.of(r, () -> {
                    assertThat(get("admin", "/engine-rest/task/" + taskId).status())
                            .as("task %s done", taskId)
                            .isEqualTo(404);
                    JsonNode operations = get("admin", "/engine-rest/history/user-operation?taskId=" + q(taskId))
                            .json();
                    assertThat(operations)
                            .as("user operation log of %s", taskId)
                            .anySatisfy(op -> {
                                assertThat(op.path("operationType").asText()).isEqualTo("Complete");
                                assertThat(op.path("userId").asText()).isEqualTo(user);
                            });
                    if (review) {
                        JsonNode comments = report("admin", id).path("comments");
                        assertThat(comments).hasSize(decisionsBefore + 1);
                        assertThat(comments.get(comments.size() - 1)
                                        .path("author")
                                        .asText())
                                .isEqualTo(user);
                    }
                })
                .withRefusalCheck(() -> {
                    assertThat(get("admin", "/engine-rest/task/" + taskId).status())
                            .as("task %s still open", taskId)
                            .isEqualTo(200);
                    assertThat(report("admin", id).path("comments"))
                            .as("no decision recorded")
                            .hasSize(decisionsBefore);
                });
    }

    /**
     * Candidates, assignee, delegation: an administrator's change is made on a report of its own (so the shared
     * fixtures' tasks stay as they are) and must show on the task; everyone else's must leave the task unchanged.
     */
    private Observed reroute(Cell cell, String user) {
        Fixture fx = cell.fixture();
        String id = cell.allowed() ? freshReport(fx, cell) : reports.get(fx);
        String taskId =
                cell.allowed() && fx == Fixture.XZSP_DRAFTING ? task("admin", id, "draftOtherNotes") : openTask(fx, id);
        String path = "/engine-rest/task/" + taskId
                + switch (cell.door()) {
                    case REST_IDENTITY_LINK -> "/identity-links";
                    case REST_ASSIGNEE -> "/assignee";
                    default -> "/delegate";
                };
        String body = cell.door() == Door.REST_IDENTITY_LINK
                ? "{\"userId\":\"admin\",\"type\":\"candidate\"}"
                : "{\"userId\":\"admin\"}";
        Response r = postJson(user, path, body);
        return Observed.of(r, () -> {
                    if (cell.door() == Door.REST_IDENTITY_LINK) {
                        assertThat(get("admin", "/engine-rest/task/" + taskId + "/identity-links")
                                        .body())
                                .contains("\"admin\"");
                    } else {
                        assertThat(get("admin", "/engine-rest/task/" + taskId)
                                        .json()
                                        .path("assignee")
                                        .asText())
                                .isEqualTo("admin");
                    }
                })
                .withRefusalCheck(() -> {
                    JsonNode task = get("admin", "/engine-rest/task/" + taskId).json();
                    assertThat(task.path("assignee").isNull())
                            .as("no assignee on %s", task)
                            .isTrue();
                    assertThat(get("admin", "/engine-rest/task/" + taskId + "/identity-links")
                                    .body())
                            .doesNotContain("\"admin\"");
                });
    }

    private final Map<String, String> freshReports = new ConcurrentHashMap<>();

    /** A new report in the fixture's stage for an allowed completion (drafting: one report, one section per cell). */
    private String freshReport(Fixture fx, Cell cell) {
        return switch (fx) {
            case XZSP_DRAFTING -> freshReports.computeIfAbsent("drafting", k -> reportInDrafting(XZSP));
            case XZSP_AT_SUBMIT -> reportAtSubmit(XZSP);
            case XZSP_INTERNAL_REVIEW -> reportInInternalReview(XZSP);
            case XZSP_FINANCE_REVIEW -> reportInFinanceReview(XZSP);
            case JYJ_FINANCE_REVIEW -> reportInFinanceReview(JYJ);
            default -> throw new IllegalArgumentException("no completion on " + fx);
        };
    }

    private String freshTask(Fixture fx, Cell cell, String id) {
        if (fx == Fixture.XZSP_DRAFTING) {
            // A different section per allowed cell, so each completes a task of its own.
            String key = switch (cell.actor() + "/" + cell.door()) {
                case "CLERK_OWN/API_COMPLETE" -> "draftBasicInfo";
                case "CLERK_OWN/REST_COMPLETE" -> "draftBudget";
                case "ADMIN/API_COMPLETE" -> "draftPerformance";
                case "ADMIN/REST_COMPLETE" -> "draftProjects";
                default -> throw new IllegalArgumentException("no drafting section for " + cell);
            };
            return task("admin", id, key);
        }
        return openTask(fx, id);
    }

    // ---------------------------------------------------------------- correcting

    /**
     * 更正: an allowed cell corrects a published report of its own (so the shared published fixture stays on the
     * public page for the other cells), which must then be off the public list and back in drafting; a refused cell
     * tries the shared fixture, which must stay exactly where it was.
     */
    private Observed correctReport(Cell cell, String user) {
        String id = cell.allowed() ? publishedReport(cell.fixture().unit) : reports.get(cell.fixture());
        String stageBefore = report("admin", id).path("stage").asText();
        int decisionsBefore = report("admin", id).path("comments").size();
        Response r = postJson(user, "/api/reports/" + id + "/corrections", "{\"reason\":\"数据有误，请更正（矩阵）\"}");
        return Observed.of(r, () -> {
                    JsonNode record = report("admin", id);
                    assertThat(record.path("stage").asText()).isEqualTo("drafting");
                    assertThat(record.path("correcting").asBoolean()).isTrue();
                    assertThat(record.path("comments")).hasSize(decisionsBefore + 1);
                    assertThat(record.path("comments")
                                    .get(decisionsBefore)
                                    .path("author")
                                    .asText())
                            .isEqualTo(user);
                    assertThat(exchange("GET", "/public/reports", auth(null, "text/html"), null)
                                    .body())
                            .doesNotContain("/public/reports/" + id + "/document");
                })
                .withRefusalCheck(() -> {
                    JsonNode record = report("admin", id);
                    assertThat(record.path("stage").asText())
                            .as("stage of %s", id)
                            .isEqualTo(stageBefore);
                    assertThat(record.path("comments"))
                            .as("no correction recorded")
                            .hasSize(decisionsBefore);
                });
    }

    // ---------------------------------------------------------------- managing

    private Observed createUnit(String user) {
        String code = "MX-" + SERIAL.incrementAndGet() + "-" + System.nanoTime() % 100000;
        Response r = postJson(user, "/api/units", "{\"code\":\"" + code + "\",\"name\":\"矩阵测试单位" + code + "\"}");
        return Observed.of(r, () -> {
                    assertThat(r.json().path("clerkGroup").asText()).isEqualTo("unit-" + code + "-clerks");
                    assertThat(get("admin", "/api/units").body()).contains(code);
                })
                .withRefusalCheck(
                        () -> assertThat(get("admin", "/api/units").body()).doesNotContain(code));
    }

    private String newUserId() {
        return "mx" + SERIAL.incrementAndGet() + (System.nanoTime() % 100000);
    }

    private Response createUserAs(String user, String newId) {
        String body = "{\"profile\":{\"id\":\"" + newId + "\",\"firstName\":\"矩阵\",\"lastName\":\"测试\",\"email\":\""
                + newId + "@example.cn\"},\"credentials\":{\"password\":\"Jx-Matrix-Passw0rd!\"}}";
        return postJson(user, "/engine-rest/user/create", body);
    }

    private Observed createUser(String user) {
        String newId = newUserId();
        Response r = createUserAs(user, newId);
        return Observed.of(
                        r,
                        () -> assertThat(get("admin", "/engine-rest/user?id=" + newId)
                                        .json())
                                .hasSize(1))
                .withRefusalCheck(() -> assertThat(
                                get("admin", "/engine-rest/user?id=" + newId).json())
                        .isEmpty());
    }

    /** A user tries to make themselves (admin: a new user) a member of the finance bureau. */
    private Observed joinFinanceBureau(String user) {
        String member = user;
        if ("admin".equals(user)) {
            member = newUserId();
            assertThat(createUserAs("admin", member).status()).isEqualTo(204);
        }
        String who = member == null ? "clerk" : member;
        Response r = send(user, "PUT", "/engine-rest/group/" + FINANCE_GROUP + "/members/" + who, null, null);
        boolean isMember = get("admin", "/engine-rest/user?memberOfGroup=" + FINANCE_GROUP + "&id=" + who)
                        .json()
                        .size()
                == 1;
        if (isMember && !"finance".equals(who)) {
            // Clean up, so the new member does not linger in the finance bureau.
            send("admin", "DELETE", "/engine-rest/group/" + FINANCE_GROUP + "/members/" + who, null, null);
        }
        return Observed.of(
                        r,
                        () -> assertThat(isMember)
                                .as("%s joined the finance bureau", who)
                                .isTrue())
                .withRefusalCheck(() -> assertThat(isMember && !"finance".equals(who))
                        .as("%s joined the finance bureau", who)
                        .isFalse());
    }

    /** A user tries to grant themselves every right on every report (admin: a harmless grant, removed again). */
    private Observed createAuthorization(String user) {
        boolean admin = "admin".equals(user);
        String grantee = admin ? "mxnobody" : (user == null ? "clerk" : user);
        String body = "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + grantee + "\",\"groupId\":null,"
                + "\"resourceType\":" + (admin ? 5 : 8) + ",\"resourceId\":\"*\"}";
        Response r = postJson(user, "/engine-rest/authorization/create", body);
        if (r.status() == 200) {
            send(
                    "admin",
                    "DELETE",
                    "/engine-rest/authorization/" + r.json().path("id").asText(),
                    null,
                    null);
        }
        return Observed.of(r);
    }

    private Observed deploy(String user) {
        String processKey = "securityMatrixProbe";
        String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            targetNamespace="http://jixiao.cn/test" id="probe">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """.formatted(processKey);
        String boundary = "----jixiao" + System.nanoTime();
        String multipart = "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsecurity-matrix\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        long before = get("admin", "/engine-rest/deployment/count")
                .json()
                .path("count")
                .asLong();
        Map<String, String> headers = new LinkedHashMap<>();
        if (user != null) {
            headers.put("Authorization", basic(user, PASSWORD));
        }
        headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        Response r =
                exchange("POST", "/engine-rest/deployment/create", headers, multipart.getBytes(StandardCharsets.UTF_8));
        long after = get("admin", "/engine-rest/deployment/count")
                .json()
                .path("count")
                .asLong();
        if (r.status() == 200) {
            send(
                    "admin",
                    "DELETE",
                    "/engine-rest/deployment/" + r.json().path("id").asText() + "?cascade=true",
                    null,
                    null);
        }
        return Observed.of(r, () -> assertThat(after).isEqualTo(before + 1))
                .withRefusalCheck(() -> assertThat(after).as("nothing deployed").isEqualTo(before));
    }

    // ---------------------------------------------------------------- leaks

    /**
     * A refusal shows nothing of the report: no unit name, no figure, no section text, no review comment; a refused
     * list does not contain it (checked by {@code listed}), and the refused request changed nothing.
     */
    private void assertNothingLeaked(Cell cell, Observed observed) {
        observed.refusalCheck().run();
        if (observed.listed() != null) {
            return;
        }
        Response r = observed.response();
        assertThat(r.body()).as("refusal body of %s", cell).doesNotContain(SECRETS.toArray(String[]::new));
        for (String secret : observed.secrets()) {
            assertThat(r.body()).as("refusal body of %s", cell).doesNotContain(secret);
        }
        if (r.status() == 401) {
            return;
        }
        if (cell.door().name().startsWith("API_") && r.status() >= 400) {
            assertThat(hasChinese(r.json().path("message").asText()))
                    .as("a Chinese message: %s", r)
                    .isTrue();
        }
    }
}
