package cn.jixiao.bench;

import cn.jixiao.report.Section;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The province's peak on two nodes: two JVMs of the packaged jar ({@code java -jar}, demo profile, each its own port
 * and node name) on the seeded PostgreSQL database, then {@code provinceUsers} (200) virtual users, user i on node
 * i mod 2 and clerk of its own unit (units spread evenly over the register). Each user, with the think time between
 * calls, asks for 本单位待办 (the Tasklist's filter call), for GET /api/reports?unit=, and now and then completes one
 * of the drafting tasks the list showed as the Tasklist does: GET form-variables (the form loading, not timed) and
 * POST /engine-rest/task/{id}/submit-form with the section's variable as read (timed: the completion).
 */
final class ProvinceLoad {

    /**
     * The share of list-and-read cycles that end with a completion, in the warm-up and in the runs: a unit has six
     * drafting tasks and one per project, which should last each user through warm-up and runs.
     */
    private static final double WARM_UP_COMPLETE_SHARE = 0.1;

    private static final double COMPLETE_SHARE = 0.3;

    private final BenchConfig config;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<String> nodes;
    private final List<String> codes;
    private final String filterId;
    private final String url;
    /** The nodes' processes and the database server's, for their CPU time (/proc). */
    private List<Process> processes = List.of();

    private BenchPostgres pg;

    /** The users of the current measurement, and the first unit's offset (each level takes units of its own). */
    private int users;

    private int offset;

    private ProvinceLoad(BenchConfig config, List<String> nodes, List<String> codes, String filterId, String url) {
        this.config = config;
        this.url = url;
        this.nodes = nodes;
        this.codes = codes;
        this.filterId = filterId;
    }

    static void run(
            BenchConfig config, BenchPostgres pg, String url, List<String> codes, String filterId, ObjectNode out)
            throws Exception {
        int users = Math.min(Integer.getInteger("jixiao.bench.provinceUsers", 200), codes.size());
        List<Process> processes = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        long t = System.nanoTime();
        try {
            for (String name : List.of("node-a", "node-b")) {
                int port;
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                Path data = config.dir().resolve("province-" + name);
                BenchApp.deleteRecursively(data);
                Files.createDirectories(data);
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
                // Profiling aid: JVM options of both nodes (-Djixiao.bench.appJvmArgs=..., {node} becomes the node's
                // name, e.g. -XX:StartFlightRecording=filename=target/bench/{node}.jfr).
                String jvmArgs = System.getProperty("jixiao.bench.appJvmArgs", "");
                if (!jvmArgs.isBlank()) {
                    command.addAll(
                            List.of(jvmArgs.replace("{node}", name).trim().split("\\s+")));
                }
                command.addAll(List.of(
                        "-jar",
                        config.jar().toString(),
                        "--spring.profiles.active=demo",
                        "--server.port=" + port,
                        "--jixiao.data-dir=" + data,
                        "--jixiao.node-name=" + name,
                        "--logging.level.root=WARN"));
                command.addAll(pg.appArgs(url));
                processes.add(new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(config.dir()
                                .resolve("province-" + name + ".log")
                                .toFile())
                        .start());
                bases.add("http://127.0.0.1:" + port);
            }
            ProvinceLoad load = new ProvinceLoad(config, bases, codes, filterId, url);
            load.processes = processes;
            load.pg = pg;
            for (int n = 0; n < bases.size(); n++) {
                load.awaitReady(processes.get(n), bases.get(n));
            }
            out.put("nodes", bases.size());
            out.put("nodeStartSeconds", BenchStats.round((System.nanoTime() - t) / 1e9, 1));
            System.out.printf(
                    Locale.ROOT,
                    "[bench] province: two nodes ready in %.0f s (%s)%n",
                    (System.nanoTime() - t) / 1e9,
                    String.join(", ", bases));
            // The target's user count and further ones (-Djixiao.bench.provinceExtraUsers=50,100: where the latency
            // stands below the machine's saturation), from the fewest users up, each on units of its own: the nodes
            // warm up (JIT) at the first level's long warm-up, and an overloaded level leaves no backlog to the next.
            // A level after the first is warm already: a short warm-up each.
            TreeSet<Integer> levels = new TreeSet<>();
            levels.add(users);
            String extra = System.getProperty("jixiao.bench.provinceExtraUsers", "50,100");
            for (String n : extra.isBlank() ? new String[0] : extra.split("\\s*,\\s*")) {
                levels.add(Math.min(Integer.parseInt(n), codes.size()));
            }
            // The nodes' warm-up runs at the highest level's load, on units of its own: the JIT compiles what is
            // called often enough, so at a quarter of the load it had not finished — in the 200-user runs after a
            // 90 s warm-up at 50 users its compiler threads still took a quarter of the nodes' CPU
            // (docs/BENCHMARK.md). Each level then has a short warm-up of its own.
            long warmUp = Long.getLong("jixiao.bench.provinceWarmUpSeconds", 90);
            load.warmUp(levels.last(), levels.size(), warmUp);
            out.put("nodeWarmUpSeconds", warmUp);
            out.put("nodeWarmUpUsers", levels.last());
            int level = 0;
            for (int n : levels) {
                load.measure(n == users ? out : out.putObject("atUsers" + n), n, level++, 10);
            }
        } finally {
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /** The nodes' warm-up: {@code users} users on units of their own ({@code offset} past the levels'). */
    private void warmUp(int users, int offset, long seconds) throws Exception {
        this.users = users;
        this.offset = offset;
        System.out.printf(Locale.ROOT, "[bench] province: nodes warm up with %d users for %d s%n", users, seconds);
        double compiler0 = compilerCpuMs();
        double nodes0 = nodesCpuMs();
        phase(seconds, new Samples(), WARM_UP_COMPLETE_SHARE);
        System.out.printf(
                Locale.ROOT,
                "[bench] province: warm-up done, the JIT compilers took %.0f %% of the nodes' CPU in it%n",
                100 * (compilerCpuMs() - compiler0) / Math.max(1, nodesCpuMs() - nodes0));
    }

    /**
     * The CPU time the nodes' JIT compiler threads have used so far (/proc/<pid>/task/*, threads named "C1 Compiler…"
     * and "C2 Compiler…"): whether the nodes are warm, measured rather than assumed.
     */
    private double compilerCpuMs() {
        double total = 0;
        for (Process p : processes) {
            Path tasks = Path.of("/proc", Long.toString(p.pid()), "task");
            try (var threads = Files.list(tasks)) {
                for (Path thread : threads.toList()) {
                    try {
                        String name = Files.readString(thread.resolve("comm")).trim();
                        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                            String stat = Files.readString(thread.resolve("stat"));
                            String[] f =
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
                        }
                    } catch (IOException | RuntimeException threadGone) {
                        // a thread that ended between the listing and the read
                    }
                }
            } catch (IOException | RuntimeException notLinux) {
                return 0;
            }
        }
        return total;
    }

    /** The CPU time (user + system) the nodes' JVMs have used so far. */
    private double nodesCpuMs() {
        double total = 0;
        for (Process p : processes) {
            total += BenchPostgres.processCpuMs(p.pid());
        }
        return total;
    }

    private void awaitReady(Process process, String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        base + " stopped while starting; see " + config.dir() + "/province-*.log");
            }
            try {
                HttpResponse<String> r = http.send(
                        // Ready, not just listening: the start-up runners have finished (as a load balancer asks).
                        HttpRequest.newBuilder(URI.create(base + "/health/readiness"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(base + " not ready within 300 s");
    }

    // ---- the load --------------------------------------------------------------------------------------------------

    private final class Samples {
        final List<Double> task = new ArrayList<>();
        final List<Double> list = new ArrayList<>();
        final List<Double> complete = new ArrayList<>();
        final AtomicInteger taskErrors = new AtomicInteger();
        final AtomicInteger listErrors = new AtomicInteger();
        final AtomicInteger completeErrors = new AtomicInteger();
        volatile String firstError;

        synchronized void add(List<Double> to, double ms) {
            to.add(ms);
        }

        void error(AtomicInteger counter, Exception e) {
            if (counter.getAndIncrement() == 0 && firstError == null) {
                firstError = e.toString();
            }
        }
    }

    private void measure(ObjectNode out, int users, int offset, long warmUp) throws Exception {
        this.users = users;
        this.offset = offset;
        System.out.printf(
                Locale.ROOT,
                "[bench] province: %d users over %d nodes, think time %d ms (mean), warm-up %d s, %d runs of %d s%n",
                users,
                nodes.size(),
                config.thinkMs(),
                warmUp,
                config.runs(),
                config.runSeconds());
        // A longer warm-up than the in-process shapes' at the first level: both nodes' JVMs start cold, and their JIT
        // compilers took a sixth of the CPU still after 60 s (docs/BENCHMARK.md); a province's nodes run for weeks.
        phase(warmUp, new Samples(), WARM_UP_COMPLETE_SHARE);
        out.put("warmUpSeconds", warmUp);
        List<Double> taskP50 = new ArrayList<>();
        List<Double> taskP99 = new ArrayList<>();
        List<Double> listP50 = new ArrayList<>();
        List<Double> listP99 = new ArrayList<>();
        List<Double> completions = new ArrayList<>();
        List<Double> cpuPerRequest = new ArrayList<>();
        List<Double> dbCpuPerRequest = new ArrayList<>();
        List<Double> loadCpuPerRequest = new ArrayList<>();
        List<Double> compilerShares = new ArrayList<>();
        int taskErrors = 0;
        int listErrors = 0;
        int completeErrors = 0;
        String firstError = null;
        ArrayNode runs = out.putArray("runsDetail");
        boolean statementStats = pg.resetStatementStats(url);
        for (int run = 1; run <= config.runs(); run++) {
            Samples s = new Samples();
            double nodesCpu0 = nodesCpuMs();
            double dbCpu0 = pg.cpuMs();
            double loadCpu0 = BenchPostgres.processCpuMs(ProcessHandle.current().pid());
            double compilerCpu0 = compilerCpuMs();
            phase(config.runSeconds(), s, COMPLETE_SHARE);
            double nodesCpu = nodesCpuMs() - nodesCpu0;
            double dbCpu = pg.cpuMs() - dbCpu0;
            double loadCpu = BenchPostgres.processCpuMs(ProcessHandle.current().pid()) - loadCpu0;
            double compilerShare = (compilerCpuMs() - compilerCpu0) / Math.max(1, nodesCpu);
            compilerShares.add(compilerShare);
            double[] task = s.task.stream().mapToDouble(Double::doubleValue).toArray();
            double[] list = s.list.stream().mapToDouble(Double::doubleValue).toArray();
            double[] done = s.complete.stream().mapToDouble(Double::doubleValue).toArray();
            taskP50.add(BenchStats.percentile(task, 50));
            taskP99.add(BenchStats.percentile(task, 99));
            listP50.add(BenchStats.percentile(list, 50));
            listP99.add(BenchStats.percentile(list, 99));
            completions.addAll(s.complete);
            taskErrors += s.taskErrors.get();
            listErrors += s.listErrors.get();
            completeErrors += s.completeErrors.get();
            if (firstError == null) {
                firstError = s.firstError;
            }
            int requests = task.length + list.length + done.length;
            double rps = requests / (double) config.runSeconds();
            cpuPerRequest.add(nodesCpu / Math.max(1, requests));
            if (dbCpu >= 0) {
                dbCpuPerRequest.add(dbCpu / Math.max(1, requests));
            }
            loadCpuPerRequest.add(loadCpu / Math.max(1, requests));
            runs.addObject()
                    .put("run", run)
                    .put("taskListRequests", task.length)
                    .put("taskListP50Ms", BenchStats.round(BenchStats.percentile(task, 50), 1))
                    .put("taskListP99Ms", BenchStats.round(BenchStats.percentile(task, 99), 1))
                    .put("reportListRequests", list.length)
                    .put("reportListP50Ms", BenchStats.round(BenchStats.percentile(list, 50), 1))
                    .put("reportListP99Ms", BenchStats.round(BenchStats.percentile(list, 99), 1))
                    .put("completions", done.length)
                    .put("completionP50Ms", BenchStats.round(BenchStats.percentile(done, 50), 1))
                    .put("completionP99Ms", BenchStats.round(BenchStats.percentile(done, 99), 1))
                    .put("requestsPerSecond", BenchStats.round(rps, 1))
                    .put("nodesCpuMsPerRequest", BenchStats.round(nodesCpu / Math.max(1, requests), 2))
                    .put(
                            "databaseCpuMsPerRequest",
                            dbCpu < 0 ? Double.NaN : BenchStats.round(dbCpu / Math.max(1, requests), 2))
                    .put("loadGeneratorCpuMsPerRequest", BenchStats.round(loadCpu / Math.max(1, requests), 2))
                    .put("nodesJitCompilerCpuShare", BenchStats.round(compilerShare, 3))
                    .put("taskListErrors", s.taskErrors.get())
                    .put("reportListErrors", s.listErrors.get())
                    .put("completionErrors", s.completeErrors.get())
                    .put("loadAverage", BenchResults.loadAverage());
            System.out.printf(
                    Locale.ROOT,
                    "[bench] province run %d: task list p50 %.1f p99 %.1f ms (%d), report list p50 %.1f p99 %.1f ms"
                            + " (%d), completion p50 %.1f p99 %.1f ms (%d), %.0f req/s, CPU ms/req nodes %.2f db %.2f load generator %.2f, JIT %.0f %%, errors %d/%d/%d, load %s%n",
                    run,
                    BenchStats.percentile(task, 50),
                    BenchStats.percentile(task, 99),
                    task.length,
                    BenchStats.percentile(list, 50),
                    BenchStats.percentile(list, 99),
                    list.length,
                    BenchStats.percentile(done, 50),
                    BenchStats.percentile(done, 99),
                    done.length,
                    rps,
                    nodesCpu / Math.max(1, requests),
                    dbCpu / Math.max(1, requests),
                    loadCpu / Math.max(1, requests),
                    100 * compilerShare,
                    s.taskErrors.get(),
                    s.listErrors.get(),
                    s.completeErrors.get(),
                    BenchResults.loadAverage());
        }
        if (statementStats) {
            Path file = config.dir().resolve("province-statements-" + users + ".tsv");
            Files.writeString(file, pg.statementStats(url, 60));
            System.out.println("[bench] province: the database's statements in the runs: " + file);
        }
        double[] done = completions.stream().mapToDouble(Double::doubleValue).toArray();
        out.put("users", users);
        out.put("thinkMs", config.thinkMs());
        // CPU time per request (all three calls alike; the completions' share is small), much less disturbed by other
        // load than the wall-clock figures: the two nodes' JVMs together, and the database server's processes.
        out.put("nodesCpuMsPerRequest", BenchStats.round(BenchStats.median(cpuPerRequest), 2));
        if (!dbCpuPerRequest.isEmpty()) {
            out.put("databaseCpuMsPerRequest", BenchStats.round(BenchStats.median(dbCpuPerRequest), 2));
        }
        // The benchmark's own JVM (the virtual users' HTTP clients, and anything an earlier part left running in it):
        // it shares the machine's cores with the nodes and the database, so its CPU is capacity they do not get.
        out.put("loadGeneratorCpuMsPerRequest", BenchStats.round(BenchStats.median(loadCpuPerRequest), 2));
        // The share of the nodes' CPU their JIT compilers took in the runs: near 0 when the nodes are warm.
        out.put("nodesJitCompilerCpuShare", BenchStats.round(BenchStats.median(compilerShares), 3));
        out.put("requestTimeoutMs", TaskQueryBench.REQUEST_TIMEOUT.toMillis());
        TaskQueryBench.putLists(out, taskP50, taskP99, taskErrors, listP50, listP99, listErrors);
        out.putObject("completion")
                .put(
                        "request",
                        "POST /engine-rest/task/{id}/submit-form with the section's variable as GET form-variables"
                                + " gave it (a drafting task of the list), clerk's Basic; percentiles over all runs")
                .put("count", done.length)
                .put("p50Ms", BenchStats.round(BenchStats.percentile(done, 50), 1))
                .put("p99Ms", BenchStats.round(BenchStats.percentile(done, 99), 1))
                .put("errors", completeErrors);
        if (firstError != null) {
            out.put("firstError", firstError);
        }
        out.put(
                "note",
                "taskList and reportList: median of the runs' percentiles; a failed or timed-out request counts with"
                        + " the time waited (at most requestTimeoutMs)");
    }

    private void phase(long seconds, Samples samples, double completeShare) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            futures.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                think(random);
                while (System.nanoTime() < end) {
                    Optional<JsonNode> draft = Optional.empty();
                    long t = System.nanoTime();
                    try {
                        draft = drafting(mapper.readTree(taskList(user)));
                        samples.add(samples.task, (System.nanoTime() - t) / 1e6);
                    } catch (Exception e) {
                        samples.add(samples.task, (System.nanoTime() - t) / 1e6);
                        samples.error(samples.taskErrors, e);
                    }
                    think(random);
                    if (System.nanoTime() >= end) {
                        break;
                    }
                    t = System.nanoTime();
                    try {
                        reportList(user);
                        samples.add(samples.list, (System.nanoTime() - t) / 1e6);
                    } catch (Exception e) {
                        samples.add(samples.list, (System.nanoTime() - t) / 1e6);
                        samples.error(samples.listErrors, e);
                    }
                    think(random);
                    if (draft.isPresent() && random.nextDouble() < completeShare && System.nanoTime() < end) {
                        complete(user, draft.get(), samples);
                        think(random);
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

    private void think(ThreadLocalRandom random) throws InterruptedException {
        if (config.thinkMs() > 0) {
            Thread.sleep(random.nextLong(2 * config.thinkMs()));
        }
    }

    /** A drafting task of the list's page (a section, the project list or a project), if any. */
    private static Optional<JsonNode> drafting(JsonNode page) {
        for (JsonNode task : page.path("_embedded").path("task")) {
            if (variableOf(task.path("taskDefinitionKey").asText()) != null) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    /** The variable a drafting task's form submits, or null for a task that is not a drafting one. */
    private static String variableOf(String taskKey) {
        if (Section.PROJECT_TASK_ID.equals(taskKey)) {
            return "projects";
        }
        return Section.byTaskId(taskKey).map(Section::key).orElse(null);
    }

    private void complete(int user, JsonNode task, Samples samples) {
        String id = task.path("id").asText();
        String variable = variableOf(task.path("taskDefinitionKey").asText());
        long t = 0;
        try {
            // The form loading (not timed): the section as the form shows it.
            JsonNode shown = mapper.readTree(send(
                    user,
                    HttpRequest.newBuilder(URI.create(base(user) + "/engine-rest/task/" + id
                                    + "/form-variables?deserializeValues=false&variableNames="
                                    + URLEncoder.encode(variable, StandardCharsets.UTF_8)))
                            .header("Accept", "application/json")
                            .GET()));
            ObjectNode body = mapper.createObjectNode();
            ObjectNode variables = body.putObject("variables");
            JsonNode value = shown.path(variable);
            if (!value.isMissingNode()) {
                ObjectNode v = variables.putObject(variable);
                v.set("value", value.path("value"));
                v.set("type", value.path("type"));
                if (value.has("valueInfo")) {
                    v.set("valueInfo", value.path("valueInfo"));
                }
            }
            t = System.nanoTime();
            send(
                    user,
                    HttpRequest.newBuilder(URI.create(base(user) + "/engine-rest/task/" + id + "/submit-form"))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))));
            samples.add(samples.complete, (System.nanoTime() - t) / 1e6);
        } catch (Exception e) {
            if (t != 0) {
                samples.add(samples.complete, (System.nanoTime() - t) / 1e6);
            }
            samples.error(samples.completeErrors, e);
        }
    }

    private String taskList(int user) throws Exception {
        return send(
                user,
                HttpRequest.newBuilder(URI.create(
                                base(user) + "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15"))
                        .header("Accept", "application/hal+json, application/json; q=0.5")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(TaskQueryBench.TASKLIST_BODY)));
    }

    private String reportList(int user) throws Exception {
        return send(
                user,
                HttpRequest.newBuilder(URI.create(base(user) + "/api/reports?unit=" + code(user)))
                        .header("Accept", "application/json")
                        .GET());
    }

    private String send(int user, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(
                request.header("Authorization", basic(user))
                        .timeout(TaskQueryBench.REQUEST_TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " "
                    + response.request().uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body();
    }

    /** User i's node: the load balancer's round robin, fixed per user. */
    private String base(int user) {
        return nodes.get(user % nodes.size());
    }

    /** User i's unit (1-based in the register): spread evenly over all units. */
    private int unitNumber(int user) {
        return 1 + offset + user * (codes.size() / users);
    }

    private String code(int user) {
        return codes.get(unitNumber(user) - 1);
    }

    private String basic(int user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((TaskQueryBench.clerkId(unitNumber(user)) + ":" + TaskQueryBench.PASSWORD)
                                .getBytes(StandardCharsets.UTF_8));
    }
}
