package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 更正 over real HTTP: {@code POST /api/reports/{id}/corrections} — who may (the finance bureau and administrators:
 * 202; clerks and leaders 403, anonymous 401, unknown 404, not published or being corrected 409, 更正原因 missing
 * 400 in Chinese) and what the public sees (the report gone from the list and its document 404 while it is being
 * corrected; back after the finance bureau accepts it again, with 已更正 and both dates).
 */
class ReportCorrectionHttpTest extends HttpTestSupport {

    private static final HttpClient BROWSER =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String REASON = "“三公”经费决算数与决算报表不一致，请核实后更正";

    private Response correct(String user, String id, String body) {
        return postJson(user, "/api/reports/" + id + "/corrections", body);
    }

    private static String reason(String text) {
        return write(MAPPER.createObjectNode().put("reason", text));
    }

    /** The public page as a browser gets it. */
    private String publicPage() throws Exception {
        HttpResponse<String> page = BROWSER.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/reports"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** The row of the public list that links the report's document; empty when the report is not listed. */
    private static String row(String page, String id) {
        int link = page.indexOf("/public/reports/" + id + "/document");
        if (link < 0) {
            return "";
        }
        return page.substring(page.lastIndexOf("<tr>", link), page.indexOf("</tr>", link));
    }

    private int publicDocumentStatus(String id) throws Exception {
        return BROWSER.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/public/reports/" + id + "/document"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void awaitStage(String id, String stage) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!stage.equals(report("clerk", id).path("stage").asText())) {
            assertThat(Instant.now()).as("report %s reaches %s", id, stage).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private String reportInFinanceReview() {
        String id = reportInInternalReview();
        completeOk("leader", task("leader", id, "internalReview"), vars("leaderDecision", string("approve")));
        return id;
    }

    private String publishedReport() throws InterruptedException {
        String id = reportInFinanceReview();
        completeOk("finance", task("finance", id, "financeReview"), vars("financeDecision", string("accept")));
        awaitStage(id, "published");
        return id;
    }

    private long documentsStoredBy(String processInstanceId) {
        return historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableName("publishedDocument")
                .count();
    }

    @Test
    void theFinanceBureauCorrectsAPublishedReportWhichLeavesThePublicListAndComesBackCorrected() throws Exception {
        String id = publishedReport();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(row(publicPage(), id)).contains(today).doesNotContain("已更正");

        Response asked = correct("finance", id, reason(REASON));
        assertThat(asked.status()).as("%s", asked).isEqualTo(202);
        assertThat(asked.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(URI.create(l).getPath()).isEqualTo("/api/reports/" + id));
        assertThat(asked.json().path("id").asText()).isEqualTo(id);
        assertThat(asked.json().path("stage").asText()).isEqualTo("drafting");
        assertThat(asked.json().path("correcting").asBoolean()).isTrue();
        assertThat(asked.json().path("message").asText()).contains("撤下公开页面");
        String correction = asked.json().path("processInstanceId").asText();
        assertThat(correction).isNotBlank().isNotEqualTo(id);

        // Off the public page at once, its document too.
        assertThat(row(publicPage(), id)).as("listed during the correction").isEmpty();
        assertThat(publicDocumentStatus(id)).isEqualTo(404);

        // The unit and the finance bureau see it as 更正中, with who asked and why.
        JsonNode record = report("clerk", id);
        assertThat(record.path("stage").asText()).isEqualTo("drafting");
        assertThat(record.path("correcting").asBoolean()).isTrue();
        assertThat(record.path("corrections").asInt()).isEqualTo(1);
        assertThat(record.path("firstPublishedOn").asText()).isEqualTo(today);
        JsonNode request = record.path("comments").get(record.path("comments").size() - 1);
        assertThat(request.path("step").asText()).isEqualTo("correction");
        assertThat(request.path("author").asText()).isEqualTo("finance");
        assertThat(request.path("comment").asText()).isEqualTo(REASON);
        assertThat(record.path("report").equals(NUMERIC, sample()))
                .as("the published content: %s", record.path("report"))
                .isTrue();
        JsonNode listed = null;
        for (JsonNode item : get("clerk", "/api/reports?fiscalYear=2022").json()) {
            if (id.equals(item.path("id").asText())) {
                listed = item;
            }
        }
        assertThat(listed).as("in the unit's list").isNotNull();
        assertThat(listed.path("correcting").asBoolean()).isTrue();
        assertThat(report("finance", id).path("correcting").asBoolean()).isTrue();

        // Back with the clerks: six drafting tasks, prefilled with what was published, with the reason.
        assertThat(taskKeys("clerk", correction)).containsExactlyInAnyOrderElementsOf(DRAFTING_TASKS);
        String budgetTask = task("clerk", correction, "draftBudget");
        JsonNode taskVariables = get("clerk", "/engine-rest/task/" + budgetTask + "/variables?deserializeValues=false")
                .json();
        assertThat(taskVariables.path("lastReturnComment").path("value").asText())
                .contains("更正已公开的报告")
                .contains(REASON);
        assertThat(MAPPER.readTree(taskVariables.path("budget").path("value").asText())
                        .equals(NUMERIC, sample().path("budget")))
                .as("budget prefilled as published")
                .isTrue();
        assertThat(get("clerk", "/api/tasks").json())
                .as("tasks name the report")
                .anySatisfy(t -> {
                    assertThat(t.path("id").asText()).isEqualTo(budgetTask);
                    assertThat(t.path("reportId").asText()).isEqualTo(id);
                });
        assertThat(taskKeys("clerk2", correction))
                .as("another unit sees nothing")
                .isEmpty();

        // Once is enough: a second request while it is being corrected is refused.
        Response twice = correct("finance", id, reason("再次更正"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("message").asText()).contains("正在更正");
        assertThat(report("clerk", id).path("comments")).hasSize(3);

        // The usual path back: 提交审核 → 单位负责人审核 → 财政局审核 → published again.
        draftAndSubmit("clerk", correction, DRAFTING_TASKS);
        completeOk("leader", task("leader", correction, "internalReview"), vars("leaderDecision", string("approve")));
        assertThat(row(publicPage(), id))
                .as("not before the finance bureau accepts")
                .isEmpty();
        completeOk("finance", task("finance", correction, "financeReview"), vars("financeDecision", string("accept")));
        awaitStage(id, "published");

        String back = row(publicPage(), id);
        assertThat(back)
                .contains("已更正")
                .contains("首次公开：" + today)
                .contains("更正后公开：" + today)
                .contains("94.75");
        assertThat(publicDocumentStatus(id)).isEqualTo(200);
        JsonNode after = report("clerk", id);
        assertThat(after.path("correcting").asBoolean()).isFalse();
        assertThat(after.path("publishedOn").asText()).isEqualTo(today);
        assertThat(after.path("firstPublishedOn").asText()).isEqualTo(today);
        List<String> steps = new java.util.ArrayList<>();
        after.path("comments")
                .forEach(c -> steps.add(
                        c.path("step").asText() + "/" + c.path("decision").asText()));
        assertThat(steps)
                .containsExactly(
                        "internalReview/approve",
                        "financeReview/accept",
                        "correction/request",
                        "internalReview/approve",
                        "financeReview/accept",
                        "publication/republish");
        assertThat(documentsStoredBy(correction))
                .as("published again exactly once")
                .isEqualTo(1);
        assertThat(documentsStoredBy(id)).as("the first document kept").isEqualTo(1);
    }

    @Test
    void ofRequestsAtTheSameMomentExactlyOneCorrects() throws Exception {
        String id = publishedReport();
        long before = reportCount();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (String user : List.of("finance", "admin", "finance", "admin")) {
                answers.add(pool.submit(() -> correct(user, id, reason(REASON + "（" + user + "）"))));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses)
                    .as("one 202, the rest 409")
                    .containsOnlyOnce(202)
                    .containsOnly(202, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reportCount()).as("one correction started").isEqualTo(before + 1);
        JsonNode record = report("clerk", id);
        assertThat(record.path("corrections").asInt()).isEqualTo(1);
        List<String> steps = new java.util.ArrayList<>();
        record.path("comments").forEach(c -> steps.add(c.path("step").asText()));
        assertThat(steps).containsOnlyOnce("correction");
    }

    @Test
    void onlyTheFinanceBureauAndAdministratorsCorrectAndOnlyAPublishedReport() throws Exception {
        String published = publishedReport();
        String inFinanceReview = reportInFinanceReview();
        String drafting = startReport("clerk", sample());

        for (String user : List.of("clerk", "leader", "clerk2", "leader2")) {
            Response refused = correct(user, published, reason(REASON));
            assertThat(refused.status()).as("%s: %s", user, refused).isEqualTo(403);
            assertThat(hasChinese(refused.json().path("message").asText())).isTrue();
            assertThat(refused.body()).doesNotContain(XZSP_NAME);
        }
        assertThat(correct(null, published, reason(REASON)).status()).isEqualTo(401);
        Response unknown = correct("finance", "no-such-report", reason(REASON));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(hasChinese(unknown.json().path("message").asText())).isTrue();
        assertThat(correct("finance", drafting, reason(REASON)).status())
                .as("a draft the bureau never received")
                .isEqualTo(404);
        for (String user : List.of("finance", "admin")) {
            Response notPublished = correct(user, inFinanceReview, reason(REASON));
            assertThat(notPublished.status()).as("%s: %s", user, notPublished).isEqualTo(409);
            assertThat(notPublished.json().path("message").asText()).contains("尚未公开");
        }
        assertThat(correct("admin", drafting, reason(REASON)).status()).isEqualTo(409);

        Map<String, String> badReasons = new java.util.LinkedHashMap<>();
        badReasons.put("{}", "不能为空");
        badReasons.put(reason(""), "不能为空");
        badReasons.put(reason(" \n\t "), "不能为空");
        badReasons.put("{\"reason\": null}", "不能为空");
        badReasons.put("{\"reason\": 42}", "应为文字");
        badReasons.put("[\"" + REASON + "\"]", "不能为空");
        badReasons.put(reason("更".repeat(2001)), "不能超过2000字");
        for (Map.Entry<String, String> bad : badReasons.entrySet()) {
            Response refused = correct("finance", published, bad.getKey());
            assertThat(refused.status()).as("%s → %s", bad.getKey(), refused).isEqualTo(400);
            assertThat(refused.json().path("message").asText())
                    .contains("「更正原因」")
                    .contains(bad.getValue());
            assertThat(refused.json().path("errors").get(0).path("pointer").asText())
                    .isEqualTo("/reason");
        }
        Response noBody =
                send("finance", "POST", "/api/reports/" + published + "/corrections", null, "application/json");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.json().path("message").asText()).contains("「更正原因」");
        assertThat(correct("finance", published, "{\"reason\": ").status())
                .as("malformed JSON")
                .isEqualTo(400);

        // Nothing refused changed anything.
        assertThat(report("clerk", published).path("stage").asText()).isEqualTo("published");
        assertThat(report("clerk", published).path("comments")).hasSize(2);
        assertThat(row(publicPage(), published)).isNotEmpty();
        assertThat(report("clerk", inFinanceReview).path("stage").asText()).isEqualTo("financeReview");

        // Nobody but an administrator reaches the correction path through Camunda's own doors.
        String message = "{\"messageName\":\"jixiaoReportCorrection\",\"processVariables\":{"
                + "\"correctedReportId\":{\"value\":\"" + published + "\",\"type\":\"String\"},"
                + "\"correctionReason\":{\"value\":\"" + REASON + "\",\"type\":\"String\"}}}";
        long before = reportCount();
        for (String user : List.of("clerk", "leader", "finance")) {
            assertThat(postJson(user, "/engine-rest/message", message).status())
                    .as("%s sends the message", user)
                    .isEqualTo(403);
            String startThere =
                    "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"correctionRequested\"}],"
                            + "\"variables\":{\"correctedReportId\":{\"value\":\"" + published
                            + "\",\"type\":\"String\"}}}";
            assertThat(postJson(user, "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", startThere)
                            .status())
                    .as("%s starts at the correction's start event", user)
                    .isEqualTo(403);
        }
        assertThat(reportCount()).as("nothing started").isEqualTo(before);
        assertThat(report("clerk", published).path("stage").asText()).isEqualTo("published");

        // An administrator may correct too (a reason of exactly 2000 characters is fine).
        Response byAdmin = correct("admin", published, reason("更".repeat(2000)));
        assertThat(byAdmin.status()).as("%s", byAdmin).isEqualTo(202);
        assertThat(row(publicPage(), published)).isEmpty();
        assertThat(correct("finance", published, reason(REASON)).status()).isEqualTo(409);
    }
}
