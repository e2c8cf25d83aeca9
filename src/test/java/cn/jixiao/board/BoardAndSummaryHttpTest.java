package cn.jixiao.board;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import cn.jixiao.testing.WebappBrowser;
import cn.jixiao.unit.Unit;
import cn.jixiao.unit.UnitService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 报送进度, 本单位 and the 汇总表 over real HTTP in the shared application: who may see what (finance, admin, clerk,
 * leader, the other unit's people, anonymous; HTTP Basic and the Tasklist's own session), and the workbook read back
 * with POI against GET /api/reports/{id}/evaluation — sheets, headers, rows, numbers, formats, ranks with ties.
 * Its own fiscal year (2016) and two units of its own, so the other tests' reports never meet it, nor its published
 * reports theirs.
 */
class BoardAndSummaryHttpTest extends HttpTestSupport {

    static final int YEAR = 2016;
    /**
     * Two units of their own (so that no other test's public page meets their published reports), each with a clerk
     * and a leader (password demo), both reports of the same sample: equal 总分, a tie for 名次 1.
     */
    static final String A = "430423-KBA";

    static final String A_NAME = "衡山县看板测试甲局";
    static final String B = "430423-KBB";
    static final String B_NAME = "衡山县看板测试乙局";
    static final Map<String, String> NAMES = Map.of(A, A_NAME, B, B_NAME);
    private static final Map<String, String> REPORTS = new HashMap<>();

    @Autowired
    UnitService units;

    @Autowired
    IdentityService identityService;

    static String clerk(String unit) {
        return unit.substring(7).toLowerCase(java.util.Locale.ROOT) + "clerk";
    }

    static String leader(String unit) {
        return unit.substring(7).toLowerCase(java.util.Locale.ROOT) + "leader";
    }

    /** Once for the class: the two units' 2016 reports, the 2016 campaign adopting them, both accepted. */
    @BeforeEach
    void campaignWithTwoAcceptedReports() throws InterruptedException {
        synchronized (REPORTS) {
            if (!REPORTS.isEmpty()) {
                return;
            }
            for (String code : List.of(A, B)) {
                Unit unit = units.register(new Unit(code, NAMES.get(code), A.equals(code) ? "衡山县人民政府" : "衡山县发展和改革局"));
                for (String[] person : List.of(
                        new String[] {clerk(code), unit.clerkGroupId()},
                        new String[] {leader(code), unit.leaderGroupId()})) {
                    User user = identityService.newUser(person[0]);
                    user.setFirstName(person[0]);
                    user.setLastName("看板");
                    user.setPassword(PASSWORD);
                    ((IdentityServiceImpl) identityService).saveUser(user, true);
                    identityService.createMembership(person[0], person[1]);
                }
                ObjectNode report = sampleOf(code, NAMES.get(code));
                report.put("fiscalYear", YEAR);
                REPORTS.put(code, startReport(clerk(code), report));
            }
            Response launch = postJson(
                    "finance",
                    "/api/campaigns",
                    "{\"fiscalYear\": " + YEAR + ", \"deadline\": \""
                            + LocalDate.now().plusDays(30) + "\", \"notice\": \"请按时报送\", \"units\": [\"" + A + "\", \""
                            + B + "\"]}");
            assertThat(launch.status()).as("launch: %s", launch).isEqualTo(201);
            long until = System.currentTimeMillis() + 60_000;
            while (true) {
                JsonNode progress = get("finance", "/api/campaigns/" + YEAR).json();
                List<String> adopted = new ArrayList<>();
                progress.path("units")
                        .forEach(u -> adopted.add(u.path("reportId").asText("")));
                if (adopted.containsAll(REPORTS.values())) {
                    break;
                }
                assertThat(System.currentTimeMillis())
                        .as("campaign adopts the reports: %s", progress)
                        .isLessThan(until);
                Thread.sleep(200);
            }
            for (String unit : List.of(A, B)) {
                String id = REPORTS.get(unit);
                draftAndSubmit(clerk(unit), id);
                completeOk(
                        leader(unit),
                        task(leader(unit), id, "internalReview"),
                        vars("leaderDecision", string("approve"), "leaderComment", string("同意上报")));
                completeOk(
                        "finance",
                        task("finance", id, "financeReview"),
                        vars("financeDecision", string("accept"), "financeComment", string("审核通过")));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ rights

    @Test
    void financeAndAdminSeeTheBoardUnitsPeopleGet403AndAnonymousIsSentToTheLogin() {
        for (String user : List.of("finance", "admin")) {
            Response board = html(user, "/board/" + YEAR);
            assertThat(board.status()).as("%s: %s", user, board).isEqualTo(200);
            assertThat(board.body()).contains("报送进度", A_NAME, B_NAME, "/webjars/echarts/", "下载汇总表");
        }
        for (String user : List.of("clerk", "leader", "clerk2", "leader2", clerk(A), leader(B))) {
            Response board = html(user, "/board/" + YEAR);
            assertThat(board.status()).as("%s on the board", user).isEqualTo(403);
            assertThat(board.body()).contains("仅供财政局").doesNotContain(A_NAME);
            Response start = html(user, "/board");
            assertThat(start.status()).isEqualTo(302);
            assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/board/unit");
        }
        assertThat(html("finance", "/board").headers().firstValue("Location").orElseThrow())
                .matches(".*/board/\\d{4}");
        for (String path : List.of("/board", "/board/" + YEAR, "/board/unit")) {
            Response anonymous = html(null, path);
            assertThat(anonymous.status()).as("anonymous %s", path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location").orElseThrow())
                    .contains("/camunda/app/tasklist/")
                    .contains("login");
        }
    }

    @Test
    void theWorkbookIsForFinanceAndAdminOnly() throws Exception {
        for (String user : List.of("finance", "admin")) {
            assertThat(download(basic(user, PASSWORD)).statusCode()).as(user).isEqualTo(200);
        }
        for (String user : List.of("clerk", "leader", "clerk2", "leader2", clerk(A), leader(A))) {
            HttpResponse<byte[]> refused = download(basic(user, PASSWORD));
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("汇总表仅供财政局");
        }
        assertThat(download(null).statusCode()).isEqualTo(401);
        assertThat(get("finance", "/api/campaigns/2001/summary.xlsx").status()).isEqualTo(404);
    }

    @Test
    void eachUnitsPeopleSeeTheirOwnUnitWithRankOnceAccepted() {
        for (String user : List.of(clerk(A), leader(A))) {
            Response own = html(user, "/board/unit");
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.body())
                    .contains("本单位绩效自评", A_NAME, "data-year=\"" + YEAR + "\"", "94.75", "优")
                    .contains("第 1 名（共 2 个已通过的单位）")
                    .doesNotContain(B_NAME);
        }
        for (String user : List.of(clerk(B), leader(B))) {
            Response own = html(user, "/board/unit");
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.body()).contains(B_NAME, "第 1 名（共 2 个已通过的单位）").doesNotContain(A_NAME);
        }
        Response demoClerk = html("clerk", "/board/unit");
        assertThat(demoClerk.body()).contains(XZSP_NAME).doesNotContain(A_NAME, B_NAME, JYJ_NAME);
    }

    @Test
    void theTasklistsSessionOpensTheBoardWithoutASecondSignIn() {
        WebappBrowser finance = WebappBrowser.signedIn(this, "finance");
        Response board = finance.get("/board/" + YEAR, "text/html");
        assertThat(board.status()).as("%s", board).isEqualTo(200);
        assertThat(board.body()).contains(A_NAME, B_NAME);
        WebappBrowser clerk = WebappBrowser.signedIn(this, clerk(A));
        assertThat(clerk.get("/board/" + YEAR, "text/html").status()).isEqualTo(403);
        assertThat(clerk.get("/board/unit", "text/html").body()).contains(A_NAME);
    }

    @Test
    void theBoardFiltersSortsAndSearches() {
        // Accepted, or published already by the publication job.
        List<String> done = new ArrayList<>(
                rows(html("finance", "/board/" + YEAR + "?stage=accepted").body()));
        done.addAll(rows(html("finance", "/board/" + YEAR + "?stage=published").body()));
        assertThat(done).containsExactlyInAnyOrder(A, B);
        assertThat(rows(html("finance", "/board/" + YEAR + "?stage=drafting").body()))
                .isEmpty();
        assertThat(rows(html("finance", "/board/" + YEAR + "?overdue=1").body()))
                .isEmpty();
        assertThat(rows(html("finance", "/board/" + YEAR + "?q=" + q("乙局")).body()))
                .containsExactly(B);
        assertThat(rows(html("finance", "/board/" + YEAR + "?q=" + q("kba")).body()))
                .containsExactly(A);
        assertThat(rows(html("finance", "/board/" + YEAR + "?supervisor=" + q("衡山县人民政府"))
                        .body()))
                .containsExactly(A);
        assertThat(rows(html("finance", "/board/" + YEAR + "?sort=unit&dir=desc")
                        .body()))
                .hasSize(2);
        Response board = html("finance", "/board/" + YEAR + "?sort=nonsense&stage=%3Cscript%3E&page=x");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).doesNotContain("<script>");
    }

    @Test
    void echartsComesFromThisApplicationNeverFromACdn() {
        String page = html("finance", "/board/" + YEAR).body();
        List<String> scripts = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("<script src=\"([^\"]+)\"").matcher(page);
        while (m.find()) {
            scripts.add(m.group(1));
        }
        assertThat(scripts).containsExactly("/webjars/echarts/5.3.1/dist/echarts.min.js", "/jixiao/board.js");
        assertThat(page).doesNotContain("http://", "https://", "//cdn");
        for (String script : scripts) {
            Response served = exchange("GET", script, Map.of("Accept", "*/*"), null);
            assertThat(served.status()).as(script).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type").orElseThrow())
                    .contains("javascript");
        }
        assertThat(exchange("GET", scripts.get(0), Map.of("Accept", "*/*"), null)
                        .body())
                .contains("echarts")
                .hasSizeGreaterThan(500_000);
    }

    // ------------------------------------------------------------------------------------------------ workbook

    @Test
    void theWorkbookHasTheEvaluationsNumbersAsNumberCells() throws Exception {
        HttpResponse<byte[]> response = download(basic("finance", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains(
                        "filename*=UTF-8''" + YEAR + "%E5%B9%B4%E5%BA%A6"
                                + "%E9%83%A8%E9%97%A8%E6%95%B4%E4%BD%93%E6%94%AF%E5%87%BA%E7%BB%A9%E6%95%88%E8%87%AA%E8%AF%84%E6%B1%87%E6%80%BB%E8%A1%A8.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
                    .containsExactly("单位汇总", "项目明细", "说明");
            XSSFSheet units = book.getSheet("单位汇总");
            assertThat(texts(units.getRow(0)))
                    .containsExactly(
                            "单位编码",
                            "单位名称",
                            "主管部门",
                            "阶段",
                            "是否逾期",
                            "提交日期",
                            "公开日期",
                            "项目数",
                            "年初预算数（万元）",
                            "全年预算数（万元）",
                            "全年执行数（万元）",
                            "执行率",
                            "总分",
                            "等级",
                            "名次",
                            "校验发现数");
            assertThat(units.getLastRowNum())
                    .as("one row per unit of the campaign")
                    .isEqualTo(2);
            headerFrozenAndFiltered(units);
            XSSFSheet projects = book.getSheet("项目明细");
            assertThat(texts(projects.getRow(0)))
                    .startsWith("单位编码", "单位名称", "项目名称")
                    .endsWith("执行率", "预算执行率得分", "产出指标得分", "效益指标得分", "满意度指标得分", "总分", "等级")
                    .hasSize(22);
            headerFrozenAndFiltered(projects);
            int projectRow = 1;
            for (int r = 1; r <= 2; r++) {
                Row row = units.getRow(r);
                String unit = row.getCell(0).getStringCellValue();
                String id = REPORTS.get(unit);
                JsonNode evaluation =
                        get("finance", "/api/reports/" + id + "/evaluation").json();
                JsonNode report = get("finance", "/api/reports/" + id).json();
                JsonNode evaluated = evaluation.path("projects");
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(NAMES.get(unit));
                assertThat(row.getCell(3).getStringCellValue()).isIn("已通过", "已公开");
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo("否");
                assertThat(row.getCell(5).getCellType()).as("提交日期 a date cell").isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(5).getLocalDateTimeCellValue().toLocalDate())
                        .isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
                assertThat(number(row.getCell(7), "0")).isEqualByComparingTo(BigDecimal.valueOf(evaluated.size()));
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal annual = BigDecimal.ZERO;
                BigDecimal executed = BigDecimal.ZERO;
                BigDecimal initial = BigDecimal.ZERO;
                for (int p = 0; p < evaluated.size(); p++) {
                    JsonNode e = evaluated.get(p);
                    JsonNode funds =
                            report.path("report").path("projects").get(p).path("funds");
                    Row line = projects.getRow(projectRow++);
                    assertThat(line.getCell(0).getStringCellValue()).isEqualTo(unit);
                    assertThat(line.getCell(2).getStringCellValue())
                            .isEqualTo(e.path("name").asText());
                    int c = 3;
                    for (String fundLine : List.of("total", "currentYearGrant", "priorYearCarryover", "other")) {
                        for (String column : List.of("initialBudget", "annualBudget", "executed")) {
                            assertThat(number(line.getCell(c++), "0.00"))
                                    .as("%s %s", fundLine, column)
                                    .isEqualByComparingTo(
                                            funds.path(fundLine).path(column).decimalValue());
                        }
                    }
                    assertThat(number(line.getCell(c++), "0.00%").movePointRight(2))
                            .isEqualByComparingTo(e.path("executionRate").decimalValue());
                    assertThat(number(line.getCell(c++), "0.00"))
                            .isEqualByComparingTo(e.path("fundsScore").decimalValue());
                    for (int level = 0; level < 3; level++) {
                        assertThat(number(line.getCell(c++), "0.00"))
                                .isEqualByComparingTo(e.path("levels")
                                        .get(level)
                                        .path("score")
                                        .decimalValue());
                    }
                    assertThat(number(line.getCell(c++), "0.00"))
                            .isEqualByComparingTo(e.path("totalScore").decimalValue());
                    assertThat(line.getCell(c).getStringCellValue())
                            .isEqualTo(e.path("grade").asText());
                    sum = sum.add(e.path("totalScore").decimalValue());
                    initial = initial.add(
                            funds.path("total").path("initialBudget").decimalValue());
                    annual = annual.add(funds.path("total").path("annualBudget").decimalValue());
                    executed = executed.add(funds.path("total").path("executed").decimalValue());
                }
                assertThat(number(row.getCell(8), "0.00")).isEqualByComparingTo(initial);
                assertThat(number(row.getCell(9), "0.00")).isEqualByComparingTo(annual);
                assertThat(number(row.getCell(10), "0.00")).isEqualByComparingTo(executed);
                assertThat(number(row.getCell(11), "0.00%"))
                        .isEqualByComparingTo(executed.divide(annual, 4, java.math.RoundingMode.HALF_UP));
                BigDecimal mean = sum.divide(BigDecimal.valueOf(evaluated.size()), 2, java.math.RoundingMode.HALF_UP);
                assertThat(number(row.getCell(12), "0.00"))
                        .as("总分: the mean of the projects' 总分")
                        .isEqualByComparingTo(mean);
                assertThat(row.getCell(13).getStringCellValue())
                        .isEqualTo(evaluated.get(0).path("grade").asText());
                assertThat(number(row.getCell(14), "0"))
                        .as("名次: both 94.75, a tie")
                        .isEqualByComparingTo(BigDecimal.ONE);
                assertThat(number(row.getCell(15), "0"))
                        .isEqualByComparingTo(
                                BigDecimal.valueOf(evaluation.path("findings").size()));
            }
            assertThat(projects.getLastRowNum()).as("one row per project").isEqualTo(projectRow - 1);
            Sheet notes = book.getSheet("说明");
            StringBuilder all = new StringBuilder();
            notes.forEach(row ->
                    row.forEach(cell -> all.append(cell.getStringCellValue()).append('\n')));
            assertThat(all.toString())
                    .contains(
                            YEAR + "年度",
                            "生成时间",
                            "优：90.00 ≤ 总分 ≤ 100.00",
                            "良：80.00 ≤ 总分 ≤ 89.99",
                            "中：60.00 ≤ 总分 ≤ 79.99",
                            "差：0.00 ≤ 总分 ≤ 59.99",
                            "产出指标 50 分",
                            "总分相同者名次相同");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void headerFrozenAndFiltered(XSSFSheet sheet) {
        assertThat(sheet.getPaneInformation()).isNotNull();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat((int) sheet.getPaneInformation().getHorizontalSplitPosition())
                .isEqualTo(1);
        assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
        assertThat(sheet.getColumnWidth(1)).as("widths set to fit").isGreaterThan(8 * 256);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    /** A number cell (never text) with the given number format, as a decimal. */
    private static BigDecimal number(Cell cell, String format) {
        assertThat(cell).isNotNull();
        assertThat(cell.getCellType())
                .as("cell %s is a number", cell.getAddress())
                .isEqualTo(CellType.NUMERIC);
        assertThat(cell.getCellStyle().getDataFormatString())
                .as("format of %s", cell.getAddress())
                .isEqualTo(format);
        return BigDecimal.valueOf(cell.getNumericCellValue());
    }

    private static List<String> rows(String html) {
        List<String> units = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("<tr data-unit=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            units.add(m.group(1));
        }
        return units;
    }

    private Response html(String user, String path) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "text/html");
        if (user != null) {
            headers.put("Authorization", basic(user, PASSWORD));
        }
        return exchange("GET", path, headers, null);
    }

    private HttpResponse<byte[]> download(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/campaigns/" + YEAR + "/summary.xlsx"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
