package cn.jixiao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The figures, the machine and the commit: written to results.json and printed as a table. */
final class BenchResults {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    final ObjectNode root = JSON.createObjectNode();
    private final BenchConfig config;
    private final Instant started = Instant.now();

    BenchResults(BenchConfig config) {
        this.config = config;
        root.put("command", "mvn -B -Pbench verify");
        root.put("commit", commit(config.basedir()));
        root.put("startedAt", started.toString());
        root.set("machine", machine());
        ObjectNode settings = root.putObject("settings");
        settings.put("parts", String.join(",", config.parts()));
        settings.put("reports", config.reports());
        settings.put("warmUpReports", config.warmUpReports());
        settings.put("runs", config.runs());
        settings.put("openReports", config.openReports());
        settings.put("units", config.units());
        settings.put("users", config.users());
        settings.put("thinkMs", config.thinkMs());
        settings.put("runSeconds", config.runSeconds());
        settings.put("renders", config.renders());
        settings.put("provinceUnits", Integer.getInteger("jixiao.bench.provinceUnits", 10_000));
        settings.put("provinceUsers", Integer.getInteger("jixiao.bench.provinceUsers", 200));
    }

    ObjectNode section(String name) {
        return root.has(name) ? (ObjectNode) root.get(name) : root.putObject(name);
    }

    void finish() {
        root.put("durationSeconds", Duration.between(started, Instant.now()).toSeconds());
        ((ObjectNode) root.get("machine")).put("loadAverageAtEnd", loadAverage());
        ArrayNode targets = root.putArray("targets");
        target(targets, "lifecycle.ratioToBareEngine", "<=", 1.5, root.at("/lifecycle/ratioToBareEngine"));
        target(targets, "document.warmMedianMs", "<=", 25, root.at("/document/warmMedianMs"));
        target(targets, "taskQuery.county.taskList.p99Ms", "<", 100, root.at("/taskQuery/county/taskList/p99Ms"));
        target(targets, "taskQuery.county.reportList.p99Ms", "<", 100, root.at("/taskQuery/county/reportList/p99Ms"));
        target(
                targets,
                "taskQuery.county1000.taskList.p99Ms",
                "<",
                100,
                root.at("/taskQuery/county1000/taskList/p99Ms"));
        target(
                targets,
                "taskQuery.county1000.reportList.p99Ms",
                "<",
                100,
                root.at("/taskQuery/county1000/reportList/p99Ms"));
        target(targets, "taskQuery.taskList.p99Ms", "<", 100, root.at("/taskQuery/taskList/p99Ms"));
        target(targets, "taskQuery.reportList.p99Ms", "<", 100, root.at("/taskQuery/reportList/p99Ms"));
        for (String shape : new String[] {"province", "stress"}) {
            double limit = "province".equals(shape) ? 100 : 300;
            for (String call : new String[] {"taskList", "reportList"}) {
                String figure = "taskQuery." + shape + "." + call + ".p99Ms";
                target(targets, figure, "<", limit, root.at("/taskQuery/" + shape + "/" + call + "/p99Ms"));
            }
        }
        target(
                targets,
                "taskQuery.province.completion.p99Ms",
                "<",
                200,
                root.at("/taskQuery/province/completion/p99Ms"));
        target(targets, "startup.readyMs", "<", 15_000, root.at("/startup/readyMs"));
        target(targets, "startup.rssMb", "<", 600, root.at("/startup/rssMb"));
    }

    private static void target(ArrayNode targets, String name, String op, double limit, JsonNode value) {
        if (value.isMissingNode() || !value.isNumber()) {
            return;
        }
        double v = value.asDouble();
        ObjectNode t = targets.addObject();
        t.put("figure", name);
        t.put("target", op + " " + trim(limit));
        t.put("value", v);
        t.put("met", "<=".equals(op) ? v <= limit : v < limit);
    }

    Path write() {
        Path file = config.dir().resolve("results.json");
        try {
            Files.createDirectories(config.dir());
            Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The readable table on stdout. */
    String table() {
        StringBuilder out = new StringBuilder();
        JsonNode m = root.get("machine");
        out.append("\n==================== Jixiao benchmark ====================\n");
        out.append(String.format(
                Locale.ROOT,
                "machine: %d cores, %d MB, Java %s, %s%n",
                m.path("cores").asInt(),
                m.path("memoryMb").asLong(),
                m.path("java").asText(),
                m.path("cpu").asText()));
        out.append(String.format(
                Locale.ROOT,
                "load average at start / end: %s / %s; commit %s%n",
                m.path("loadAverageAtStart").asText(),
                m.path("loadAverageAtEnd").asText(),
                root.path("commit").asText()));
        out.append(String.format(Locale.ROOT, "%-40s %14s   %s%n", "figure", "value", "target"));
        out.append("-".repeat(78)).append('\n');
        row(out, "lifecycle.reportsPerSecond", "/lifecycle/reportsPerSecond", "");
        row(out, "lifecycle.msPerReport", "/lifecycle/msPerReport", "");
        row(out, "lifecycle.bareMsPerInstance", "/lifecycle/bareMsPerInstance", "");
        row(out, "lifecycle.ratioToBareEngine", "/lifecycle/ratioToBareEngine", "<= 1.5");
        row(out, "lifecycle.cpuMsPerReport", "/lifecycle/cpuMsPerReport", "");
        row(out, "lifecycle.bareCpuMsPerInstance", "/lifecycle/bareCpuMsPerInstance", "");
        row(out, "document.coldMs (first after start-up)", "/document/coldMs", "");
        row(out, "document.coldRenderFreshJvmMs", "/document/coldRenderFreshJvmMs", "");
        row(out, "document.warmMedianMs", "/document/warmMedianMs", "<= 25");
        row(out, "document.warmP99Ms", "/document/warmP99Ms", "");
        row(out, "taskQuery.county.taskList.p50Ms", "/taskQuery/county/taskList/p50Ms", "300 units × 1 report");
        row(out, "taskQuery.county.taskList.p99Ms", "/taskQuery/county/taskList/p99Ms", "< 100");
        row(out, "taskQuery.county.reportList.p99Ms", "/taskQuery/county/reportList/p99Ms", "< 100");
        row(out, "taskQuery.county1000.taskList.p99Ms", "/taskQuery/county1000/taskList/p99Ms", "< 100 (1,000 units)");
        row(
                out,
                "taskQuery.county1000.reportList.p99Ms",
                "/taskQuery/county1000/reportList/p99Ms",
                "< 100 (1,000 units)");
        row(out, "taskQuery.taskList.p50Ms", "/taskQuery/taskList/p50Ms", "");
        row(out, "taskQuery.taskList.p99Ms", "/taskQuery/taskList/p99Ms", "< 100");
        row(out, "taskQuery.reportList.p50Ms", "/taskQuery/reportList/p50Ms", "");
        row(out, "taskQuery.reportList.p99Ms", "/taskQuery/reportList/p99Ms", "< 100");
        row(out, "taskQuery.reportListAlone.p99Ms", "/taskQuery/reportListAlone/p99Ms", "(no Tasklist load)");
        row(out, "taskQuery.province.taskList.p50Ms", "/taskQuery/province/taskList/p50Ms", "2 nodes, PostgreSQL");
        row(out, "taskQuery.province.taskList.p99Ms", "/taskQuery/province/taskList/p99Ms", "< 100");
        row(out, "taskQuery.province.reportList.p50Ms", "/taskQuery/province/reportList/p50Ms", "");
        row(out, "taskQuery.province.reportList.p99Ms", "/taskQuery/province/reportList/p99Ms", "< 100");
        row(out, "taskQuery.province.completion.p50Ms", "/taskQuery/province/completion/p50Ms", "");
        row(out, "taskQuery.province.completion.p99Ms", "/taskQuery/province/completion/p99Ms", "< 200");
        row(out, "taskQuery.province.nodesCpuMsPerRequest", "/taskQuery/province/nodesCpuMsPerRequest", "both nodes");
        row(out, "taskQuery.province.databaseCpuMsPerRequest", "/taskQuery/province/databaseCpuMsPerRequest", "");
        row(out, "taskQuery.province.skipped", "/taskQuery/province/skipped", "");
        row(out, "taskQuery.stress.taskList.p50Ms", "/taskQuery/stress/taskList/p50Ms", "100 × 100, PostgreSQL");
        row(out, "taskQuery.stress.taskList.p99Ms", "/taskQuery/stress/taskList/p99Ms", "< 300");
        row(out, "taskQuery.stress.reportList.p50Ms", "/taskQuery/stress/reportList/p50Ms", "");
        row(out, "taskQuery.stress.reportList.p99Ms", "/taskQuery/stress/reportList/p99Ms", "< 300");
        row(out, "taskQuery.stress.skipped", "/taskQuery/stress/skipped", "");
        row(out, "board.firstScreen.p50Ms", "/board/firstScreen/p50Ms", "10,000 units");
        row(out, "board.firstScreen.p99Ms", "/board/firstScreen/p99Ms", "10,000 units");
        row(out, "board.sortedByScore.p99Ms", "/board/sortedByScore/p99Ms", "");
        row(out, "board.overdueOnly.p99Ms", "/board/overdueOnly/p99Ms", "");
        row(out, "board.search.p99Ms", "/board/search/p99Ms", "");
        row(out, "board.lastPage.p99Ms", "/board/lastPage/p99Ms", "");
        row(out, "board.workbook.medianMs", "/board/workbook/medianMs", "10,000 units");
        row(out, "startup.readyMs", "/startup/readyMs", "< 15000");
        row(out, "startup.rssMb", "/startup/rssMb", "< 600");
        out.append("-".repeat(78)).append('\n');
        for (JsonNode t : root.path("targets")) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-6s %s %s (measured %s)%n",
                    t.path("met").asBoolean() ? "MET" : "MISSED",
                    t.path("figure").asText(),
                    t.path("target").asText(),
                    trim(t.path("value").asDouble())));
        }
        out.append(String.format(
                Locale.ROOT,
                "total %d s; results: %s%n",
                root.path("durationSeconds").asLong(),
                config.dir().resolve("results.json")));
        out.append("==========================================================\n");
        return out.toString();
    }

    private void row(StringBuilder out, String label, String pointer, String target) {
        JsonNode v = root.at(pointer);
        if (v.isMissingNode()) {
            return;
        }
        out.append(String.format(
                Locale.ROOT, "%-40s %14s   %s%n", label, v.isNumber() ? trim(v.asDouble()) : v.asText(), target));
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private ObjectNode machine() {
        ObjectNode m = JSON.createObjectNode();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryMb", memoryMb());
        m.put(
                "java",
                System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                        + System.getProperty("java.vm.name") + ")");
        m.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        m.put("cpu", cpuModel());
        m.put("loadAverageAtStart", loadAverage());
        m.put(
                "benchJvmArgs",
                String.join(
                        " ",
                        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                                .filter(a -> a.startsWith("-X") || a.startsWith("-XX"))
                                .toList()));
        return m;
    }

    private static long memoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getTotalMemorySize() / (1024 * 1024)
                : -1;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The commit checked out, read-only ({@code git rev-parse}); "unknown" without git. */
    private static String commit(Path basedir) {
        try {
            Process git = new ProcessBuilder("git", "-C", basedir.toString(), "rev-parse", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
