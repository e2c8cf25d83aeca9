package cn.jixiao.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The application in a process of its own, as an operator runs it: the demo profile on an H2 file in a data
 * directory of the test's, on a free port. It can be stopped, or killed with SIGKILL as a crash would.
 */
final class AppProcess implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application on {@code dataDir} and waits until it answers. */
    static AppProcess start(Path dataDir, String name) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = buildDir().resolve("durability").resolve(name + ".log");
            Files.createDirectories(log.getParent());
            Files.createDirectories(dataDir);
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(
                            java,
                            "-Xmx768m",
                            "-Dfile.encoding=UTF-8",
                            "-cp",
                            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                            "cn.jixiao.JixiaoApplication",
                            "--spring.profiles.active=demo",
                            "--jixiao.data-dir=" + dataDir.toAbsolutePath(),
                            "--server.port=" + port,
                            "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN"))
                    // Run where an operator would, not in the source tree (whose bpmn/ folder would be found a second
                    // time).
                    .directory(dataDir.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            AppProcess app = new AppProcess(process, port, log);
            app.awaitReady();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the application stopped while starting; see " + log);
            }
            try {
                if (call("GET", "/public/reports", null, null).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(300);
        }
        throw new AssertionError("the application did not answer within 180 s; see " + log);
    }

    HttpResponse<String> call(String method, String path, String user, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "*/*");
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String path, String user) {
        HttpResponse<String> response = call("GET", path, user, null);
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "GET " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
        }
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, as a power cut of the process. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** An orderly stop (SIGTERM). */
    void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    static Path buildDir() {
        return Path.of(System.getProperty("jixiao.build.dir", "target"));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
