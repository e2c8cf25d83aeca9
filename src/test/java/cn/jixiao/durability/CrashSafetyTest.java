package cn.jixiao.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * What the application acknowledged survives a crash: the application on its H2 file is killed with SIGKILL in the
 * middle of a stream of report starts (201) and task completions (204); after a restart every acknowledged start is
 * there with all its sections and every acknowledged completion is done. Then an online backup is taken while it
 * runs, and restoring it into an empty data directory gives the same reports.
 */
class CrashSafetyTest {

    private static final String SAMPLE = "/examples/hengshan-approval-bureau-2022.corrected.json";

    @Test
    void everythingAcknowledgedSurvivesAKillAndABackupRestoresIt() throws Exception {
        Path root = AppProcess.buildDir().resolve("durability").resolve("run-" + System.nanoTime());
        Path data = root.resolve("data");
        String sample = sample();
        List<String> started = new CopyOnWriteArrayList<>();
        List<String> completed = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<String> toWork = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger nextYear = new java.util.concurrent.atomic.AtomicInteger(2023);

        try (AppProcess app = AppProcess.start(data, "crash-1")) {
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                threads.add(new Thread(() -> {
                    while (running.get()) {
                        try {
                            // One report per unit and year: each start is another year (2023 to 2100, more than are
                            // ever needed).
                            int year = nextYear.getAndIncrement();
                            HttpResponse<String> r = app.call(
                                    "POST",
                                    "/api/reports",
                                    "clerk",
                                    sample.replace("\"fiscalYear\": 2022", "\"fiscalYear\": " + year));
                            if (r.statusCode() == 201) {
                                String id = AppProcess.MAPPER
                                        .readTree(r.body())
                                        .path("id")
                                        .asText();
                                started.add(id);
                                toWork.add(id);
                            }
                        } catch (IOException | RuntimeException stopped) {
                            return;
                        }
                    }
                }));
                threads.add(new Thread(() -> {
                    while (running.get()) {
                        String id = toWork.poll();
                        if (id == null) {
                            AppProcess.sleep(20);
                            continue;
                        }
                        try {
                            for (JsonNode task : app.json("/engine-rest/task?processInstanceId=" + id, "clerk")) {
                                String taskId = task.path("id").asText();
                                if (app.call("POST", "/engine-rest/task/" + taskId + "/complete", "clerk", "{}")
                                                .statusCode()
                                        == 204) {
                                    completed.add(taskId);
                                }
                            }
                        } catch (RuntimeException | AssertionError stopped) {
                            return;
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            long deadline = System.currentTimeMillis() + 60_000;
            while ((started.size() < 20 || completed.size() < 40) && System.currentTimeMillis() < deadline) {
                AppProcess.sleep(50);
            }
            app.kill(); // mid-stream: the workers are still sending
            running.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
        System.out.printf(
                "CRASH acknowledged before SIGKILL: %d report starts, %d task completions%n",
                started.size(), completed.size());
        assertThat(started).as("starts acknowledged before the kill").hasSizeGreaterThanOrEqualTo(20);

        Path backupFile;
        try (AppProcess app = AppProcess.start(data, "crash-2")) {
            List<String> lostStarts = new ArrayList<>();
            for (String id : started) {
                HttpResponse<String> r = app.call("GET", "/api/reports/" + id, "clerk", null);
                if (r.statusCode() != 200) {
                    lostStarts.add(id + " → " + r.statusCode());
                    continue;
                }
                JsonNode report = AppProcess.MAPPER.readTree(r.body()).path("report");
                for (String section : List.of("basicInfo", "budget", "performance", "projects", "problems")) {
                    assertThat(report.path(section).isObject()
                                    || report.path(section).isArray())
                            .as("section %s of acknowledged report %s", section, id)
                            .isTrue();
                }
            }
            List<String> lostCompletions = new ArrayList<>();
            for (String taskId : completed) {
                JsonNode history = app.json("/engine-rest/history/task?taskId=" + taskId + "&finished=true", "admin");
                if (history.size() != 1) {
                    lostCompletions.add(taskId);
                }
            }
            assertThat(lostStarts)
                    .as("acknowledged starts missing after the restart")
                    .isEmpty();
            assertThat(lostCompletions)
                    .as("acknowledged completions open again after the restart")
                    .isEmpty();

            // An online backup while the application runs.
            HttpResponse<String> backup = app.call("POST", "/api/admin/backups", "admin", null);
            assertThat(backup.statusCode()).as("backup: %s", backup.body()).isEqualTo(201);
            backupFile = Path.of(
                    AppProcess.MAPPER.readTree(backup.body()).path("file").asText());
            assertThat(backupFile).exists();
            assertThat(app.call("POST", "/api/admin/backups", "clerk", null).statusCode())
                    .as("clerks may not")
                    .isEqualTo(403);
        }

        Path restored = root.resolve("restored");
        unzip(backupFile, restored);
        try (AppProcess app = AppProcess.start(restored, "crash-restored")) {
            for (String id : started) {
                assertThat(app.call("GET", "/api/reports/" + id, "clerk", null).statusCode())
                        .as("report %s in the restored copy", id)
                        .isEqualTo(200);
            }
            for (String taskId : completed) {
                assertThat(app.json("/engine-rest/history/task?taskId=" + taskId + "&finished=true", "admin"))
                        .as("completion of %s in the restored copy", taskId)
                        .hasSize(1);
            }
        }
    }

    private static String sample() {
        try (InputStream in = CrashSafetyTest.class.getResourceAsStream(SAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
    }
}
