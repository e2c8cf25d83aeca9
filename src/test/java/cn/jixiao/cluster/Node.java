package cn.jixiao.cluster;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of a province's cluster: the application in a JVM of its own (the demo profile, so the demo users exist),
 * on a free port, on the shared PostgreSQL database, its job executor's lock owner named after the node so the test
 * can tell whose locks a job carries. It can be killed with SIGKILL, as a node dies.
 */
final class Node implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private Node(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the node; {@link #awaitReady()} waits for it to answer. */
    static Node launch(String name, String jdbcUrl, String user, String password, Path workDir) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Files.createDirectories(workDir);
            Path log = workDir.resolve(name + ".log");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-Xmx768m",
                    "-Dfile.encoding=UTF-8",
                    "-cp",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    "cn.jixiao.JixiaoApplication",
                    "--spring.profiles.active=demo",
                    "--server.port=" + port,
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password,
                    "--jixiao.data-dir=" + workDir.resolve(name + "-data").toAbsolutePath(),
                    "--jixiao.node-name=" + name,
                    // The demo's sample report of one unit is started 200 times here; the rule has its own tests.
                    "--jixiao.reports.one-per-unit-and-year=false",
                    "--jixiao.pdf.enabled=false",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN"));
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new Node(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitReady() {
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped while starting; see " + log);
            }
            try {
                // Ready once the demo's users exist (the last start-up runner): the administrator can list units.
                if (call("GET", "/api/units", "admin", null, Map.of()).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(300);
        }
        throw new AssertionError(name + " did not answer within 240 s; see " + log);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** A call as a demo user (HTTP Basic, password demo), or anonymous with user null; extra headers as given. */
    HttpResponse<String> call(String method, String path, String user, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
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

    /** A form post (the webapps' sign-in), with the given headers. */
    HttpResponse<String> callForm(String method, String path, String form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        headers.forEach(request::header);
        request.method(method, HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
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
        HttpResponse<String> response = call("GET", path, user, null, Map.of());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " as " + user + " on " + name + ": " + response.statusCode() + " "
                    + response.body());
        }
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, the job executor's locks left in the database, as a node that dies. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
