package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * A report of the 项目支出绩效自评表 alone (issue 18) started over real HTTP: POST /api/reports with {@code "scope":
 * "projects"} opens only the project list, the report comes back with its scope and template, the draft document is
 * the tables alone; Camunda's REST start with the start form's 报告范围 does the same, and an unknown scope or template
 * is a 400 in Chinese naming the field.
 */
class ProjectOnlyReportHttpTest extends HttpTestSupport {

    private static ObjectNode sichuanTables() throws Exception {
        try (InputStream in =
                ProjectOnlyReportHttpTest.class.getResourceAsStream("/tables/sichuan-free-split-2023.json")) {
            ObjectNode report = (ObjectNode) MAPPER.readTree(in);
            report.putObject("unit").put("code", XZSP).put("name", XZSP_NAME);
            return report;
        }
    }

    @Test
    void aProjectOnlyReportStartedFromJsonDraftsTheTablesAlone() throws Exception {
        ObjectNode tables = sichuanTables();
        String id = startReport("clerk", tables);

        assertThat(taskKeys("clerk", id)).containsExactly("draftProjects");
        JsonNode report = report("clerk", id).get("report");
        assertThat(report).isEqualTo(tables);
        assertThat(report.get("scope").asText()).isEqualTo("projects");
        assertThat(report.get("profile").asText()).isEqualTo("sichuan");

        Response document = get("clerk", "/api/reports/" + id + "/document");
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Disposition").orElse(""))
                .contains("%E9%A1%B9%E7%9B%AE%E6%94%AF%E5%87%BA"); // 项目支出, URL-encoded in filename*
    }

    @Test
    void theStartFormsScopeChoiceThroughTheEngineRestApi() {
        Response projects = postJson(
                "clerk",
                "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start",
                "{\"variables\": {\"fiscalYear\": {\"value\": 2025}, \"scope\": {\"value\": \"projects\"}}}");
        assertThat(projects.status()).as(projects.toString()).isEqualTo(200);
        String id = projects.json().get("id").asText();
        assertThat(taskKeys("clerk", id)).containsExactly("draftProjects");
        assertThat(report("clerk", id).at("/report/scope").asText()).isEqualTo("projects");

        Response wrongScope = postJson(
                "clerk",
                "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start",
                "{\"variables\": {\"fiscalYear\": {\"value\": 2025}, \"scope\": {\"value\": \"tables\"}}}");
        assertThat(wrongScope.status()).as(wrongScope.toString()).isEqualTo(400);
        assertThat(wrongScope.body()).contains("「报告范围」");
        assertNoStackTrace(wrongScope);
    }

    @Test
    void anUnknownTemplateIsRefusedInChinese() throws Exception {
        ObjectNode tables = sichuanTables();
        tables.put("profile", "hubei");
        long before = reportCount();
        Response response = postJson("clerk", "/api/reports", tables);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("「评分模板」hubei不存在");
        assertNoStackTrace(response);
        assertThat(reportCount()).isEqualTo(before);
    }
}
