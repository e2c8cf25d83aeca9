package cn.jixiao.bench;

import cn.jixiao.board.BoardSeed;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * board: 报送进度 and the 汇总表 of a province-sized campaign. The application (demo profile, H2 on file, fresh) on a
 * random port; {@code boardUnits} (10,000) units seeded into the board's tables (BoardSeed: stages, submissions,
 * overdue marks, 1–3 projects each with their figures); then, as {@code finance} over loopback HTTP with Basic auth,
 * one request at a time: the board's first screen (GET /board/2023: counts, charts, first page of 50) and four other
 * screens in turn (sorted by 总分, 仅看逾期, a name search, the last page) — 20 unmeasured, then 100 of each kind (-Djixiao.bench.boardRequests=);
 * and the whole workbook (GET /api/campaigns/2023/summary.xlsx) 2 unmeasured, then 5 times. Medians and p99.
 */
final class BoardBench {

    static final int YEAR = 2023;

    private BoardBench() {}

    static void run(BenchConfig config, BenchResults results) throws Exception {
        int units = Integer.getInteger("jixiao.bench.boardUnits", 10_000);
        int requests = Integer.getInteger("jixiao.bench.boardRequests", 100);
        ObjectNode section = results.section("board");
        section.put("units", units);
        section.put("loadAverageAtStart", BenchResults.loadAverage());
        try (ConfigurableApplicationContext context =
                BenchApp.start(config.dir().resolve("board-db"), "--spring.profiles.active=demo", "--server.port=0")) {
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            long seedStart = System.nanoTime();
            BoardSeed.Seeded seeded = BoardSeed.seed(
                    context.getBean(JdbcTemplate.class), "BENCH", YEAR, units, today.minusDays(2), today, 42);
            section.put("seedMs", ms(seedStart));
            section.put("projects", seeded.projects());
            section.put("overdue", seeded.overdue());
            String base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            String auth =
                    "Basic " + Base64.getEncoder().encodeToString("finance:demo".getBytes(StandardCharsets.UTF_8));
            String[] screens = {
                "/board/" + YEAR,
                "/board/" + YEAR + "?sort=score&dir=desc",
                "/board/" + YEAR + "?overdue=1",
                "/board/" + YEAR + "?q=" + java.net.URLEncoder.encode("教育", StandardCharsets.UTF_8),
                "/board/" + YEAR + "?page=" + ((units + 49) / 50)
            };
            String[] names = {"firstScreen", "sortedByScore", "overdueOnly", "search", "lastPage"};
            for (int i = 0; i < 20; i++) {
                get(http, base + screens[i % screens.length], auth);
            }
            List<List<Double>> times = new ArrayList<>();
            for (String ignored : screens) {
                times.add(new ArrayList<>());
            }
            int bytes = 0;
            for (int i = 0; i < requests; i++) {
                for (int s = 0; s < screens.length; s++) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = get(http, base + screens[s], auth);
                    times.get(s).add(ms(start));
                    if (s == 0) {
                        bytes = response.body().length;
                    }
                }
                if ((i + 1) % 20 == 0) {
                    System.out.printf(
                            "[bench] board: %d of %d rounds, load average %s%n",
                            i + 1, requests, BenchResults.loadAverage());
                }
            }
            for (int s = 0; s < screens.length; s++) {
                double[] values =
                        times.get(s).stream().mapToDouble(Double::doubleValue).toArray();
                ObjectNode figure = section.putObject(names[s]);
                figure.put("path", screens[s]);
                figure.put("p50Ms", BenchStats.round(BenchStats.percentile(values, 50), 1));
                figure.put("p99Ms", BenchStats.round(BenchStats.percentile(values, 99), 1));
                figure.put("maxMs", BenchStats.round(BenchStats.percentile(values, 100), 1));
                figure.put("requests", values.length);
            }
            section.put("firstScreenBytes", bytes);
            String workbook = base + "/api/campaigns/" + YEAR + "/summary.xlsx";
            for (int i = 0; i < 2; i++) {
                get(http, workbook, auth);
            }
            double[] workbookMs = new double[5];
            int workbookBytes = 0;
            for (int i = 0; i < workbookMs.length; i++) {
                long start = System.nanoTime();
                workbookBytes = get(http, workbook, auth).body().length;
                workbookMs[i] = ms(start);
            }
            ObjectNode w = section.putObject("workbook");
            w.put("medianMs", BenchStats.round(BenchStats.median(workbookMs), 1));
            w.put("maxMs", BenchStats.round(BenchStats.percentile(workbookMs, 100), 1));
            w.put("bytes", workbookBytes);
            w.put("runs", workbookMs.length);
            section.put("loadAverageAtEnd", BenchResults.loadAverage());
            System.out.printf(
                    "[bench] board: %d units, first screen p50 %.1f ms p99 %.1f ms; workbook median %.1f ms (%d bytes)%n",
                    units,
                    section.at("/firstScreen/p50Ms").asDouble(),
                    section.at("/firstScreen/p99Ms").asDouble(),
                    w.path("medianMs").asDouble(),
                    workbookBytes);
        }
    }

    private static HttpResponse<byte[]> get(HttpClient http, String url, String auth) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(120))
                        .header("Authorization", auth)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response;
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
