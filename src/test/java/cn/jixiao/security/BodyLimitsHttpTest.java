package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Bodies over the HTTP limit get 413 unread; reports over the schema's limits get 400 naming the limit. */
class BodyLimitsHttpTest extends HttpTestSupport {

    private static String bigJson(int megabytes) {
        StringBuilder text = new StringBuilder(megabytes * 1024 * 1024 + 64).append("{\"notes\":\"");
        text.append("绩".repeat(megabytes * 1024 * 1024 / 3));
        return text.append("\"}").toString();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413OnEveryDoor() {
        String big = bigJson(6);
        for (String path : List.of(
                "/api/reports",
                "/api/evaluations",
                "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start",
                "/camunda/api/engine/engine/default/task")) {
            Response r = postJson("clerk", path, big);
            assertThat(r.status()).as("%s: %s", path, r).isEqualTo(413);
            assertThat(r.body()).contains("提交的内容过大");
            assertNoStackTrace(r);
        }
    }

    @Test
    void aBodyOfUnknownLengthIsCutAtTheLimit() throws Exception {
        byte[] big = bigJson(6).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic("clerk", PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();
        HttpResponse<String> response =
                CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("提交的内容过大");
    }

    @Test
    void aReportOverTheSchemasLimitsIsRefusedNamingTheLimit() {
        long before = reportCount();
        ObjectNode many = sample();
        ArrayNode projects = (ArrayNode) many.get("projects");
        ObjectNode first = (ObjectNode) projects.get(0);
        while (projects.size() < 501) {
            projects.add(first.deepCopy());
        }
        Response r = postJson("clerk", "/api/reports", many);
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.body()).contains("最多只能填写500项");

        ObjectNode longText = sample();
        longText.put("otherNotes", "说".repeat(1_000_000));
        Response text = postJson("clerk", "/api/reports", longText);
        assertThat(text.status()).as("%s", text).isEqualTo(400);
        assertThat(text.body()).contains("不能超过20000个字符");

        ObjectNode tenThousand = sample();
        ArrayNode all = (ArrayNode) tenThousand.get("projects");
        while (all.size() < 10_000) {
            all.add(first.deepCopy());
        }
        Response huge = postJson("clerk", "/api/reports", tenThousand);
        assertThat(huge.status())
                .as("10,000 projects: either over the HTTP limit or over the schema's")
                .isIn(400, 413);
        assertThat(hasChinese(huge.body())).isTrue();
        assertThat(reportCount()).as("nothing started").isEqualTo(before);
    }

    @Test
    void severalLargeBodiesAtOnceLeaveTheMemoryAsItWas() throws Exception {
        String big = bigJson(20);
        long before = usedHeapAfterGc();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String path = i % 2 == 0 ? "/api/evaluations" : "/api/reports";
                answers.add(pool.submit(() -> postJson("clerk", path, big).status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(413);
            }
        } finally {
            pool.shutdownNow();
        }
        long after = usedHeapAfterGc();
        System.out.printf(
                "BODY LIMITS heap used after GC: before %d MB, after six 20 MB bodies at once %d MB%n",
                before / 1024 / 1024, after / 1024 / 1024);
        assertThat(after - before).as("heap growth in bytes").isLessThan(100L * 1024 * 1024);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
