package cn.jixiao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * startup: the packaged application ({@code java -jar}, no JVM options, demo profile) on a fresh data directory,
 * from process start to the first 200 of GET /public/reports; its resident memory (VmRSS) right then and after the
 * first document; the first document after start-up (the demo report's .docx, GET /api/reports/{id}/document as
 * its clerk) as document.coldMs. Plus the first render in a fresh JVM without the warm-up, as
 * document.coldRenderFreshJvmMs.
 */
final class StartupBench {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private StartupBench() {}

    static void run(BenchConfig config, BenchResults results) throws Exception {
        long t0 = System.nanoTime();
        if (!Files.isRegularFile(config.jar())) {
            throw new IllegalStateException(
                    "no packaged application at " + config.jar() + " (run through mvn -Pbench verify)");
        }
        List<Double> ready = new ArrayList<>();
        List<Double> rssReady = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> firstDocument = new ArrayList<>();
        ObjectNode startup = results.section("startup");
        var runs = startup.putArray("runsDetail");
        for (int run = 1; run <= config.runs(); run++) {
            Path data = config.dir().resolve("startup-data-" + run);
            BenchApp.deleteRecursively(data);
            Files.createDirectories(data);
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(java()));
            // Profiling aid: JVM options for the application, separated by spaces (-Djixiao.bench.appJvmArgs=...).
            String jvmArgs = System.getProperty("jixiao.bench.appJvmArgs", "");
            if (!jvmArgs.isBlank()) {
                command.addAll(List.of(jvmArgs.trim().split("\\s+")));
            }
            command.addAll(
                    List.of("-jar", config.jar().toString(), "--spring.profiles.active=demo", "--server.port=" + port));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            config.dir().resolve("startup-" + run + ".log").toFile());
            pb.environment().put("JIXIAO_DATA_DIR", data.toString());
            long start = System.nanoTime();
            Process app = pb.start();
            try {
                String baseUrl = "http://127.0.0.1:" + port;
                double readyMs = awaitReady(app, baseUrl + "/public/reports", start);
                double rssAtReady = rssMb(app.pid());
                double docMs = firstDocument(baseUrl);
                Thread.sleep(3000);
                double rssAfter = rssMb(app.pid());
                ready.add(readyMs);
                rssReady.add(rssAtReady);
                rss.add(rssAfter);
                firstDocument.add(docMs);
                runs.addObject()
                        .put("run", run)
                        .put("readyMs", Math.round(readyMs))
                        .put("rssMbAtReady", Math.round(rssAtReady))
                        .put("rssMb", Math.round(rssAfter))
                        .put("firstDocumentMs", Math.round(docMs))
                        .put("loadAverage", BenchResults.loadAverage());
                System.out.printf(
                        "[bench] startup run %d: ready %.0f ms, RSS %.0f MB at ready, %.0f MB after the first document;"
                                + " first document %.0f ms%n",
                        run, readyMs, rssAtReady, rssAfter, docMs);
            } finally {
                stop(app);
            }
        }
        startup.put("readyMs", Math.round(BenchStats.median(ready)));
        startup.put("rssMb", Math.round(BenchStats.median(rss)));
        startup.put("rssMbAtReady", Math.round(BenchStats.median(rssReady)));
        startup.put("appJvmArgs", System.getProperty("jixiao.bench.appJvmArgs", ""));
        startup.put(
                "method",
                "java -jar <repackaged jar> --spring.profiles.active=demo, no JVM options, fresh H2 file data dir;"
                        + " readyMs = process start to first 200 of GET /public/reports; rssMb = VmRSS 3 s after the first document");
        ObjectNode document = results.section("document");
        document.put("coldMs", Math.round(BenchStats.median(firstDocument)));
        document.put(
                "coldMethod",
                "first document after start-up: GET /api/reports/{id}/document of the demo report as its clerk,"
                        + " right after the first 200 (docx4j warm-up thread may still run)");
        coldRenders(config, document);
        System.out.printf("[bench] startup done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static double awaitReady(Process app, String url, long start) throws Exception {
        long deadline = start + TimeUnit.SECONDS.toNanos(180);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("application exited with " + app.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - start) / 1e6;
                }
            } catch (ConnectException | HttpTimeoutException notYet) {
                // not listening yet
            } catch (IOException notYet) {
                // connection reset while starting
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("application not ready after 180 s");
    }

    private static double firstDocument(String baseUrl) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("clerk:demo".getBytes(StandardCharsets.UTF_8));
        // The demo data (users, the sample report) is loaded by an ApplicationRunner, just after the server answers.
        JsonNode reports = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> list = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/api/reports"))
                            .header("Authorization", auth)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (list.statusCode() == 200 && (reports = BenchResults.JSON.readTree(list.body())).size() > 0) {
                break;
            }
            Thread.sleep(20);
        }
        if (reports == null || reports.size() == 0) {
            throw new IllegalStateException("the demo report did not appear");
        }
        long t = System.nanoTime();
        HttpResponse<byte[]> docx = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/reports/"
                                + reports.get(0).path("id").asText() + "/document"))
                        .header("Authorization", auth)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t) / 1e6;
        if (docx.statusCode() != 200 || docx.body().length < 1000) {
            throw new IllegalStateException("first document failed: " + docx.statusCode());
        }
        return ms;
    }

    /** The first render in a fresh JVM, no warm-up (the test classpath, ColdDocument). */
    private static void coldRenders(BenchConfig config, ObjectNode document) throws Exception {
        Path sample = config.dir().resolve("sample.json");
        Path evaluation = config.dir().resolve("evaluation.json");
        if (!Files.exists(sample) || !Files.exists(evaluation)) {
            return; // written by the lifecycle part
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Double> cold = new ArrayList<>();
        for (int run = 1; run <= config.runs(); run++) {
            Process p = new ProcessBuilder(
                            java(),
                            "-cp",
                            classpath,
                            ColdDocument.class.getName(),
                            sample.toString(),
                            evaluation.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(120, TimeUnit.SECONDS);
            String line = out.lines()
                    .filter(l -> l.startsWith("coldRenderMs="))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("ColdDocument failed:\n" + out));
            cold.add(Double.parseDouble(line.substring("coldRenderMs=".length()).split(" ")[0]));
        }
        document.put("coldRenderFreshJvmMs", Math.round(BenchStats.median(cold)));
        System.out.printf("[bench] first render in a fresh JVM, no warm-up: %s ms%n", cold);
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return Double.NaN;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
