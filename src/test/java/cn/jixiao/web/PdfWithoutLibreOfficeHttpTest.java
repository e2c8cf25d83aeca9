package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.JixiaoApplication;
import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application on a server without LibreOffice ({@code jixiao.pdf.office-home} pointing at a directory that does
 * not exist): it starts, publishes, offers the report to read online and as .docx, says in Chinese that there is no
 * PDF, and the PDF address answers a Chinese 503 page. An application of its own (own in-memory database and process
 * engine name, as ProductionModeTest does), driven only through its own /api over HTTP.
 */
class PdfWithoutLibreOfficeHttpTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper MAPPER = HttpTestSupport.MAPPER;

    private static ConfigurableApplicationContext context;
    private static String base;

    @BeforeAll
    static void startWithoutLibreOffice() {
        String name = "nopdf" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        context = new SpringApplicationBuilder(JixiaoApplication.class)
                .run(
                        "--spring.profiles.active=demo",
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=LEGACY",
                        "--camunda.bpm.process-engine-name=" + name,
                        // Camunda's webapps keep JVM-wide state (their runtime delegates); a second application with
                        // its own webapps
                        // would take them over from the HTTP tests' shared application. This test needs only /api and
                        // /public.
                        "--camunda.bpm.webapp.enabled=false",
                        "--jixiao.pdf.office-home=/nonexistent/libreoffice");
        base = "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void withoutLibreOfficeThePublicPagesOfferNoPdfAndSayWhy() throws Exception {
        String id = publishedReport();

        HttpResponse<String> list = get("/public/reports", "text/html");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("/public/reports/" + id + "/document")
                .contains("/public/reports/" + id + "\"")
                .doesNotContain("/public/reports/" + id + "/pdf")
                .contains("本站暂不提供 PDF 版（服务器未安装 LibreOffice）");

        HttpResponse<String> view = get("/public/reports/" + id, "text/html");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body())
                .contains("衡山县行政审批服务局")
                .contains("下载 Word 版")
                .doesNotContain("/pdf\"")
                .contains("本站暂不提供 PDF 版");

        HttpResponse<String> pdf = get("/public/reports/" + id + "/pdf", "application/pdf,*/*");
        assertThat(pdf.statusCode()).isEqualTo(503);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(pdf.body())
                .contains("本站暂不提供 PDF 版（服务器未安装 LibreOffice），请下载 Word 版。")
                .contains("错误代码 503")
                .doesNotContain("Exception")
                .doesNotContain("jodconverter");

        // Not published stays 404, LibreOffice or not.
        assertThat(get("/public/reports/no-such-id/pdf", "text/html").statusCode())
                .isEqualTo(404);
    }

    /** The corrected sample, started, drafted, submitted, approved and accepted as the demo users, then published. */
    private static String publishedReport() throws Exception {
        String report;
        try (InputStream in = PdfWithoutLibreOfficeHttpTest.class.getResourceAsStream(HttpTestSupport.SAMPLE)) {
            // Another year than the demo's own 2022 report of the unit (one report per unit and year).
            report = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"fiscalYear\": 2022", "\"fiscalYear\": 2021");
        }
        HttpResponse<String> started = send("clerk", "POST", "/api/reports", report);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = MAPPER.readTree(started.body()).path("id").asText();
        completeAll("clerk", id, null);
        completeAll("clerk", id, null); // 填写项目自评表 opens once 填写项目清单 is done
        completeAll("clerk", id, null); // 提交审核 opens once the six sections are done
        completeAll("leader", id, "{\"variables\":{\"leaderDecision\":\"approve\"}}");
        completeAll("finance", id, "{\"variables\":{\"financeDecision\":\"accept\"}}");
        Instant deadline = Instant.now().plusSeconds(60);
        while (!"published"
                .equals(MAPPER.readTree(
                                send("clerk", "GET", "/api/reports/" + id, null).body())
                        .path("stage")
                        .asText())) {
            assertThat(Instant.now()).as("publication job ran").isBefore(deadline);
            Thread.sleep(200);
        }
        return id;
    }

    /** Completes every open task of report {@code id} the user has. */
    private static void completeAll(String user, String id, String body) throws Exception {
        JsonNode tasks = MAPPER.readTree(send(user, "GET", "/api/tasks", null).body());
        int completed = 0;
        for (JsonNode task : tasks) {
            if (id.equals(task.path("reportId").asText())) {
                HttpResponse<String> done = send(
                        user,
                        "POST",
                        "/api/tasks/" + task.path("id").asText() + "/complete",
                        body == null ? "{}" : body);
                assertThat(done.statusCode())
                        .as("%s completes %s: %s", user, task.path("key").asText(), done.body())
                        .isEqualTo(204);
                completed++;
            }
        }
        assertThat(completed).as("tasks of %s for %s", id, user).isPositive();
    }

    private static HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + HttpTestSupport.PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
