package cn.jixiao.bench;

import cn.jixiao.report.ProcessVariables;
import cn.jixiao.security.TasklistFilters;
import cn.jixiao.unit.Unit;
import cn.jixiao.unit.UnitService;
import cn.jixiao.workflow.ReportVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * taskQuery: the application (demo profile) on a random port over loopback HTTP, {@code openReports} running reports
 * spread over {@code units} units (one clerk each), then {@code users} concurrent virtual users, each a clerk of its
 * own unit, asking in turn for its Tasklist filter 本单位待办 (the Tasklist's own call) and for GET /api/reports?unit=,
 * with a think time between requests. The load generator shares the JVM and the two cores with the server.
 */
final class TaskQueryBench {

    static final String PASSWORD = "Bench-Passw0rd-1!";
    static final boolean AUTHENTICATED_STARTS = Boolean.getBoolean("jixiao.bench.authenticatedStarts");
    /** The Tasklist's body for a filter's first page (camunda-tasklist: taskListQuery). */
    static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

    private final BenchConfig config;
    private final ConfigurableApplicationContext context;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final List<Unit> units = new ArrayList<>();
    private String filterId;

    private final int unitCount;
    private final int openReports;

    TaskQueryBench(BenchConfig config, ConfigurableApplicationContext context, int unitCount, int openReports) {
        this.config = config;
        this.context = context;
        this.unitCount = unitCount;
        this.openReports = openReports;
        this.mapper = context.getBean(ObjectMapper.class);
        this.base = "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * The county shapes first — a few hundred units with one open report each, as in a county's deadline week
     * ({@code taskQuery.county}, 300 units; {@code taskQuery.county1000}, 1,000 units; -Dbench.countyUnits= sets them,
     * empty skips them) — then the shape of -Dbench.units / -Dbench.openReports at the section's top level.
     */
    static void run(BenchConfig config, BenchResults results) throws Exception {
        ObjectNode section = results.section("taskQuery");
        String county = System.getProperty("jixiao.bench.countyUnits", "300,1000");
        for (String units : county.isBlank() ? new String[0] : county.split("\\s*,\\s*")) {
            int n = Integer.parseInt(units);
            String name = n == 300 ? "county" : "county" + n;
            runShape(config, "db-taskquery-" + name, n, n, section.putObject(name), List.of());
        }
        if (config.openReports() > 0) {
            runShape(config, "db-taskquery", config.units(), config.openReports(), section, List.of());
        }
    }

    /** One shape: the application in this JVM (with {@code appArgs}, e.g. a PostgreSQL database), seeded, loaded. */
    static void runShape(
            BenchConfig config, String db, int units, int openReports, ObjectNode out, List<String> appArgs)
            throws Exception {
        long t0 = System.nanoTime();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=demo"));
        args.addAll(appArgs);
        try (ConfigurableApplicationContext context = BenchApp.start(
                config.dir().resolve(db), Boolean.getBoolean("jixiao.bench.reuseDb"), args.toArray(String[]::new))) {
            TaskQueryBench bench = new TaskQueryBench(config, context, units, openReports);
            bench.setUp(out);
            bench.load(out);
        }
        System.out.printf(
                "[bench] taskQuery %d units × %d reports done in %.0f s%n",
                units, openReports, (System.nanoTime() - t0) / 1e9);
    }

    // ---- data ------------------------------------------------------------------------------------------------------

    /** The unit register's units of the shape, the first one first. */
    List<Unit> units() {
        return units;
    }

    /** The id of the Tasklist filter 本单位待办. */
    String filterId() {
        return filterId;
    }

    /** Registers the units and their clerks, starts the reports, checks one clerk's filter and report list. */
    void setUp(ObjectNode out) throws Exception {
        UnitService unitService = context.getBean(UnitService.class);
        IdentityService identityService = context.getBean(ProcessEngine.class).getIdentityService();
        for (int u = 1; u <= unitCount; u++) {
            units.add(new Unit(
                    String.format(Locale.ROOT, "430423-B%03d", u),
                    String.format(Locale.ROOT, "衡山县基准测试单位%03d", u),
                    "衡山县人民政府"));
        }
        // Units are independent of each other: registered by as many threads as there are cores.
        long tUnits = System.nanoTime();
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService registration = Executors.newFixedThreadPool(workers);
        List<Future<?>> registered = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            registered.add(registration.submit(() -> {
                for (int u = 1 + worker; u <= unitCount; u += workers) {
                    Unit unit = units.get(u - 1);
                    unitService.register(unit);
                    if (identityService.createUserQuery().userId(clerkId(u)).count() == 0) {
                        User user = identityService.newUser(clerkId(u));
                        user.setFirstName("经办人" + u);
                        user.setLastName("基准");
                        user.setPassword(PASSWORD);
                        ((IdentityServiceImpl) identityService).saveUser(user, true);
                        identityService.createMembership(clerkId(u), unit.clerkGroupId());
                    }
                    if (u % 1000 == 0) {
                        System.out.printf(
                                "[bench] taskQuery: unit %d registered (%.0f s)%n",
                                u, (System.nanoTime() - tUnits) / 1e9);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : registered) {
            f.get();
        }
        registration.shutdown();
        out.put("unitSetupSeconds", BenchStats.round((System.nanoTime() - tUnits) / 1e9, 1));
        System.out.printf(
                "[bench] taskQuery: %d units with their clerks registered in %.0f s%n",
                unitCount, (System.nanoTime() - tUnits) / 1e9);
        ObjectNode sample = LifecycleBench.sample(mapper);
        long t = System.nanoTime();
        long existing = context.getBean(JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM jx_report WHERE unit_code LIKE '430423-B%'", Long.class);
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        if (existing == 0) {
            startReports(sample, threads, t);
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        filterId = context.getBean(ProcessEngine.class)
                .getFilterService()
                .createFilterQuery()
                .filterName(TasklistFilters.UNIT_TASKS)
                .singleResult()
                .getId();
        out.put("openReports", openReports);
        out.put("units", unitCount);
        out.put(
                "openTasks",
                context.getBean(ProcessEngine.class)
                        .getTaskService()
                        .createTaskQuery()
                        .count());
        out.put("setupSeconds", BenchStats.round(seconds, 1));
        out.put("setupReportsPerSecond", BenchStats.round(openReports / seconds, 1));
        System.out.printf(
                "[bench] taskQuery: %d reports over %d units started in %.0f s%n", openReports, unitCount, seconds);
        // Sanity: a clerk's filter lists their unit's drafting tasks, and the report list their unit's reports.
        JsonNode page = mapper.readTree(taskList(0).body());
        int perUnit = openReports / unitCount;
        int firstPage = Math.min(15, perUnit * 6);
        if (page.path("count").asInt() != perUnit * 6
                || page.path("_embedded").path("task").size() != firstPage) {
            throw new IllegalStateException("unexpected filter result: count " + page.path("count") + ", page "
                    + page.path("_embedded").path("task").size());
        }
        JsonNode list = mapper.readTree(reportList(0).body());
        if (list.size() != perUnit) {
            throw new IllegalStateException("unexpected report list size " + list.size());
        }
    }

    private void startReports(ObjectNode sample, int threads, long t) throws Exception {
        RuntimeService runtimeService = context.getBean(ProcessEngine.class).getRuntimeService();
        ReportVariables variables = context.getBean(ReportVariables.class);
        IdentityService identityService = context.getBean(ProcessEngine.class).getIdentityService();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger started = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                for (int i = worker; i < openReports; i += threads) {
                    int u = i % unitCount + 1;
                    Unit unit = units.get(u - 1);
                    ObjectNode report = sample.deepCopy();
                    report.withObject("/unit").put("code", unit.code()).put("name", unit.name());
                    // Started as the system (no authenticated user): the same report, tasks, identity links and grants
                    // as a
                    // clerk's start, without the per-command authorization checks, so that 10,000 reports fit the time
                    // budget.
                    // (-Djixiao.bench.authenticatedStarts=true starts them as their clerks, a profiling aid.)
                    if (AUTHENTICATED_STARTS) {
                        identityService.setAuthentication(clerkId(u), List.of(unit.clerkGroupId()));
                    }
                    try {
                        runtimeService.startProcessInstanceByKey(
                                ProcessVariables.PROCESS_KEY, variables.fromReport(report));
                    } finally {
                        identityService.clearAuthentication();
                    }
                    int done = started.incrementAndGet();
                    if (done % 1000 == 0) {
                        System.out.printf(
                                "[bench] taskQuery: %d reports started (%.0f s)%n",
                                done, (System.nanoTime() - t) / 1e9);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    static String clerkId(int u) {
        return String.format(Locale.ROOT, "bclerk%03d", u);
    }

    // ---- requests --------------------------------------------------------------------------------------------------

    /** The Tasklist's call for the first page of 本单位待办, here on /engine-rest with the clerk's HTTP Basic. */
    /** A request slower than this counts as failed (and the figure becomes "more than"). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private Duration timeout = Duration.ofSeconds(300);

    private HttpResponse<String> taskList(int user) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base + "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15"))
                .header("Authorization", basic(user))
                .header("Accept", "application/hal+json, application/json; q=0.5")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TASKLIST_BODY))
                .timeout(timeout)
                .build();
        return send(request);
    }

    private HttpResponse<String> reportList(int user) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base + "/api/reports?unit=" + units.get(user).code()))
                .header("Authorization", basic(user))
                .header("Accept", "application/json")
                .timeout(timeout)
                .GET()
                .build();
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private String basic(int user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((clerkId(user + 1) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    // ---- load ------------------------------------------------------------------------------------------------------

    private void load(ObjectNode out) throws Exception {
        int users = Math.min(config.users(), unitCount);
        System.out.printf(
                "[bench] taskQuery: %d users, think time %d ms (mean), warm-up %d s, %d runs of %d s%n",
                users, config.thinkMs(), config.warmUpSeconds(), config.runs(), config.runSeconds());
        timeout = REQUEST_TIMEOUT;
        // GET /api/reports alone, without the Tasklist's filter requests beside it (one run, before those).
        phase(users, Math.max(3, config.warmUpSeconds() / 2), null, true);
        Samples alone = new Samples();
        phase(users, config.runSeconds(), alone, true);
        double[] aloneMs = alone.list.stream().mapToDouble(Double::doubleValue).toArray();
        out.putObject("reportListAlone")
                .put("request", "GET /api/reports?unit=<clerk's unit> only, same users and think time, one run")
                .put("requests", aloneMs.length)
                .put("errors", alone.errors.get())
                .put("p50Ms", BenchStats.round(BenchStats.percentile(aloneMs, 50), 1))
                .put("p99Ms", BenchStats.round(BenchStats.percentile(aloneMs, 99), 1));
        System.out.printf(
                "[bench] taskQuery: report list alone p50 %.1f p99 %.1f ms (%d, %d errors)%n",
                BenchStats.percentile(aloneMs, 50),
                BenchStats.percentile(aloneMs, 99),
                aloneMs.length,
                alone.errors.get());
        phase(users, config.warmUpSeconds(), null);
        List<Double> taskP50 = new ArrayList<>();
        List<Double> taskP99 = new ArrayList<>();
        List<Double> listP50 = new ArrayList<>();
        List<Double> listP99 = new ArrayList<>();
        var runs = out.putArray("runsDetail");
        for (int run = 1; run <= config.runs(); run++) {
            Samples samples = new Samples();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            if (run == 1 && SqlStats.enabled()) {
                SqlStats.start(jdbc);
            }
            phase(users, config.runSeconds(), samples);
            if (run == 1 && SqlStats.enabled()) {
                System.out.println("[bench] SQL of a task-list + report-list pair: "
                        + SqlStats.stop(
                                jdbc,
                                Math.max(1, Math.min(samples.task.size(), samples.list.size())),
                                config.dir().resolve("sql-taskquery.txt")));
            }
            double[] task =
                    samples.task.stream().mapToDouble(Double::doubleValue).toArray();
            double[] list =
                    samples.list.stream().mapToDouble(Double::doubleValue).toArray();
            taskP50.add(BenchStats.percentile(task, 50));
            taskP99.add(BenchStats.percentile(task, 99));
            listP50.add(BenchStats.percentile(list, 50));
            listP99.add(BenchStats.percentile(list, 99));
            double rps = (task.length + list.length) / (double) config.runSeconds();
            runs.addObject()
                    .put("run", run)
                    .put("taskListRequests", task.length)
                    .put("taskListP50Ms", BenchStats.round(taskP50.get(run - 1), 1))
                    .put("taskListP99Ms", BenchStats.round(taskP99.get(run - 1), 1))
                    .put("reportListRequests", list.length)
                    .put("reportListP50Ms", BenchStats.round(listP50.get(run - 1), 1))
                    .put("reportListP99Ms", BenchStats.round(listP99.get(run - 1), 1))
                    .put("requestsPerSecond", BenchStats.round(rps, 1))
                    .put("errors", samples.errors.get())
                    .put("taskListErrors", samples.taskErrors.get())
                    .put("reportListErrors", samples.listErrors.get())
                    .put("loadAverage", BenchResults.loadAverage());
            System.out.printf(
                    "[bench] taskQuery run %d: task list p50 %.1f p99 %.1f ms (%d), report list p50 %.1f p99 %.1f ms (%d),"
                            + " %.0f req/s, %d errors%n",
                    run,
                    taskP50.get(run - 1),
                    taskP99.get(run - 1),
                    task.length,
                    listP50.get(run - 1),
                    listP99.get(run - 1),
                    list.length,
                    rps,
                    samples.errors.get());
            if (samples.errors.get() > 0) {
                out.put("errors", out.path("errors").asInt() + samples.errors.get());
                out.put("firstError", samples.firstError);
                System.out.println("[bench] taskQuery: failed requests, first: " + samples.firstError);
            }
        }
        out.put("users", users);
        out.put("thinkMs", config.thinkMs());
        out.put("requestTimeoutMs", REQUEST_TIMEOUT.toMillis());
        out.put(
                "note",
                "a failed or timed-out request counts with the time waited (at most requestTimeoutMs), so a"
                        + " percentile equal to requestTimeoutMs means 'at least that'");
        int taskErrors = 0;
        int listErrors = 0;
        for (JsonNode run : runs) {
            taskErrors += run.path("taskListErrors").asInt();
            listErrors += run.path("reportListErrors").asInt();
        }
        putLists(out, taskP50, taskP99, taskErrors, listP50, listP99, listErrors);
    }

    private static final class Samples {
        final List<Double> task = new ArrayList<>();
        final List<Double> list = new ArrayList<>();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger taskErrors = new AtomicInteger();
        final AtomicInteger listErrors = new AtomicInteger();
        volatile String firstError;

        synchronized void add(boolean isTask, double ms) {
            (isTask ? task : list).add(ms);
        }
    }

    /** Every user alternates its two requests with a think time (uniform 0..2×mean) until the phase ends. */
    private void phase(int users, long seconds, Samples samples) throws Exception {
        phase(users, seconds, samples, false);
    }

    /** With {@code reportListOnly}, the users ask only for GET /api/reports (no Tasklist load beside it). */
    private void phase(int users, long seconds, Samples samples, boolean reportListOnly) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong requests = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            futures.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                Thread.sleep(config.thinkMs() == 0 ? 0 : random.nextLong(2 * config.thinkMs()));
                boolean isTask = random.nextBoolean() && !reportListOnly;
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try {
                        if (isTask) {
                            taskList(user);
                        } else {
                            reportList(user);
                        }
                        if (samples != null) {
                            samples.add(isTask, (System.nanoTime() - t) / 1e6);
                        }
                    } catch (RuntimeException | IOException e) {
                        // A failed or timed-out request counts with the time the user waited (at most the client
                        // timeout).
                        if (samples != null) {
                            samples.add(isTask, (System.nanoTime() - t) / 1e6);
                            (isTask ? samples.taskErrors : samples.listErrors).incrementAndGet();
                            if (samples.errors.incrementAndGet() == 1) {
                                samples.firstError = e.toString();
                            }
                        }
                    }
                    requests.incrementAndGet();
                    isTask = !isTask && !reportListOnly;
                    if (config.thinkMs() > 0) {
                        Thread.sleep(random.nextLong(2 * config.thinkMs()));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /** The taskList and reportList figures of a shape: medians of the runs' p50 and p99, and the errors. */
    static void putLists(
            ObjectNode out,
            List<Double> taskP50,
            List<Double> taskP99,
            int taskErrors,
            List<Double> listP50,
            List<Double> listP99,
            int listErrors) {
        out.putObject("taskList")
                .put(
                        "request",
                        "POST /engine-rest/filter/{本单位待办}/list?firstResult=0&maxResults=15, Accept hal+json, clerk's Basic")
                .put("p50Ms", BenchStats.round(BenchStats.median(taskP50), 1))
                .put("p99Ms", BenchStats.round(BenchStats.median(taskP99), 1))
                .put("errors", taskErrors);
        out.putObject("reportList")
                .put("request", "GET /api/reports?unit=<clerk's unit>, clerk's Basic")
                .put("p50Ms", BenchStats.round(BenchStats.median(listP50), 1))
                .put("p99Ms", BenchStats.round(BenchStats.median(listP99), 1))
                .put("errors", listErrors);
    }
}
