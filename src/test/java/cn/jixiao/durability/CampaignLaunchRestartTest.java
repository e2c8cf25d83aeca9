package cn.jixiao.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A campaign launched over 2,000 units, with the application killed (SIGKILL) in the middle of the launch and
 * started again on the same data: the launch picks up where it was and ends with exactly one report per unit —
 * none lost, none doubled. The launch runs on the job executor, a batch of units per job.
 */
class CampaignLaunchRestartTest {

    static final int UNITS = 2_000;

    @Test
    void aLaunchInterruptedByAKillEndsWithExactlyOneReportPerUnit() throws Exception {
        Path data = AppProcess.buildDir()
                .resolve("durability")
                .resolve("campaign-" + System.nanoTime())
                .resolve("data");
        int inScope;
        try (AppProcess app = AppProcess.start(data, "campaign-launch-1")) {
            registerUnits(app);
            inScope = UNITS + 2; // and the demo's two units
            LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30);
            HttpResponse<String> launched = app.call(
                    "POST",
                    "/api/campaigns",
                    "finance",
                    "{\"fiscalYear\": 2023, \"deadline\": \"" + deadline + "\", \"notice\": \"压力测试\"}");
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
            // Kill it once a few hundred reports have been started.
            long until = System.currentTimeMillis() + 600_000;
            while (launchedCount(app) < 300) {
                assertThat(System.currentTimeMillis())
                        .as("launch progress before the kill")
                        .isLessThan(until);
                AppProcess.sleep(500);
            }
            System.out.printf("[campaign] killed with %d of %d launched%n", launchedCount(app), inScope);
            app.kill();
        }
        try (AppProcess app = AppProcess.start(data, "campaign-launch-2")) {
            long until = System.currentTimeMillis() + 900_000;
            long started = System.nanoTime();
            while (launchedCount(app) < inScope) {
                assertThat(System.currentTimeMillis())
                        .as("launch finished after the restart")
                        .isLessThan(until);
                AppProcess.sleep(1000);
            }
            System.out.printf(
                    "[campaign] all %d launched %.0f s after the restart%n",
                    inScope, (System.nanoTime() - started) / 1e9);
            JsonNode progress = app.json("/api/campaigns/2023", "finance");
            assertThat(progress.get("units")).hasSize(inScope);
            assertThat(progress.at("/stages/notStarted").asInt()).isZero();
            assertThat(progress.at("/stages/drafting").asInt()).isEqualTo(inScope);
            // Exactly one report per unit for 2023: no unit without, none with two.
            JsonNode reports = app.json("/api/reports?fiscalYear=2023", "admin");
            assertThat(reports).hasSize(inScope);
            java.util.Set<String> units = new java.util.HashSet<>();
            reports.forEach(r -> units.add(r.get("unitCode").asText()));
            assertThat(units).hasSize(inScope);
        }
    }

    private static int launchedCount(AppProcess app) {
        JsonNode progress = app.json("/api/campaigns/2023", "finance");
        int notStarted = progress.at("/stages/notStarted").asInt();
        return progress.get("units").size() - notStarted;
    }

    /** 2,000 units, registered by the administrator as a county would, four at a time. */
    private static void registerUnits(AppProcess app) throws InterruptedException {
        // The demo users are made by a runner that may still be working when the server first answers.
        long until = System.currentTimeMillis() + 120_000;
        while (app.call("GET", "/api/units", "admin", null).statusCode() != 200) {
            assertThat(System.currentTimeMillis())
                    .as("the demo administrator exists")
                    .isLessThan(until);
            AppProcess.sleep(500);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger failed = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure =
                new java.util.concurrent.atomic.AtomicReference<>();
        for (int i = 0; i < UNITS; i++) {
            String code = String.format("430423-U%04d", i);
            pool.submit(() -> {
                HttpResponse<String> r = app.call(
                        "POST",
                        "/api/units",
                        "admin",
                        "{\"code\": \"" + code + "\", \"name\": \"衡山县测试单位" + code.substring(8)
                                + "\", \"supervisor\": \"衡山县人民政府\"}");
                if (r.statusCode() != 201 && r.statusCode() != 200) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, code + ": " + r.statusCode() + " " + r.body());
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(15, TimeUnit.MINUTES)).isTrue();
        assertThat(failed.get())
                .as("units not registered, the first: %s", firstFailure.get())
                .isZero();
    }
}
