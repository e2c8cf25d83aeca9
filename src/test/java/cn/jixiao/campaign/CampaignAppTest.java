package cn.jixiao.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.workflow.ReportVariables;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 年度绩效自评工作 end to end in the running application (demo units, real HTTP, the engine's own jobs and timers
 * run by the test with a clock it moves), with the rule of one report per unit and year on.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:campaign-${random.uuid};DB_CLOSE_DELAY=-1;MODE=LEGACY",
            // Jobs and timers are run by the tests, at the moments they choose.
            "camunda.bpm.job-execution.enabled=false"
        })
@ActiveProfiles("demo")
class CampaignAppTest {

    /** A real SMTP server for the campaign's mail, on a free port. */
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    static final String XZSP = "430423-XZSP";
    static final String JYJ = "430423-JYJ";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportVariables variables;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void launchStartsOneReportPerUnitDueAtTheDeadlineAdoptsAnExistingOneAndCarriesForward() {
        // The demo's 2022 report of 衡山县行政审批服务局 counts as published: 2023 starts from it.
        jdbc.update("UPDATE jx_report SET stage = 'published' WHERE unit_code = ? AND fiscal_year = 2022", XZSP);
        // 衡山县教育局 started its own 2023 report before the launch.
        Answer own = post("clerk2", "/api/reports", write(sample(JYJ, "衡山县教育局", 2023)));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        String ownId = own.json().get("id").asText();

        LocalDate deadline = LocalDate.now(SHANGHAI).plusDays(30);
        String body =
                "{\"fiscalYear\": 2023, \"deadline\": \"" + deadline + "\", \"notice\": \"请于截止日期前完成自评，联系人：刘科长。\"}";
        assertThat(post("clerk", "/api/campaigns", body).status())
                .as("a clerk launches")
                .isEqualTo(403);
        assertThat(post("leader", "/api/campaigns", body).status())
                .as("a leader launches")
                .isEqualTo(403);
        assertThat(post(null, "/api/campaigns", body).status()).as("anonymous").isEqualTo(401);
        assertThat(post("clerk2", "/api/campaigns", body).status())
                .as("another unit's clerk")
                .isEqualTo(403);
        // Around the app's API, through Camunda's REST API and the Tasklist's: no one but finance starts a campaign,
        // and no one but administrators sends the campaign its messages.
        String engineStart = "{\"variables\": {\"fiscalYear\": {\"value\": 2027}, \"deadline\": {\"value\": \""
                + deadline + "\"}, \"notice\": {\"value\": \"\"}, \"units\": {\"value\": \"\"}}}";
        for (String user : List.of("clerk", "leader", "clerk2")) {
            Answer viaEngine =
                    post(user, "/engine-rest/process-definition/key/selfEvaluationCampaign/start", engineStart);
            // 404: the campaign's definition is not even visible to a unit's people (no READ grant); 403 would do too.
            assertThat(viaEngine.status())
                    .as("%s starting a campaign through /engine-rest: %s", user, viaEngine)
                    .isIn(403, 404);
        }
        assertThat(new TasklistSession("leader")
                        .post(
                                "/camunda/api/engine/engine/default/process-definition/key/selfEvaluationCampaign/submit-form",
                                engineStart)
                        .status())
                .as("a leader through the Tasklist's start form")
                .isIn(403, 404);
        assertThat(post(null, "/engine-rest/process-definition/key/selfEvaluationCampaign/start", engineStart)
                        .status())
                .isEqualTo(401);
        assertThat(post(
                                "finance",
                                "/engine-rest/message",
                                "{\"messageName\": \"" + CampaignService.MESSAGE_REPLAN + "\"}")
                        .status())
                .as("finance sending the campaign's message directly")
                .isEqualTo(403);
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey("campaign-2027")
                        .count())
                .isZero();
        assertThat(post("admin", "/api/campaigns", body.replace("2023", "2026")).status())
                .as("an administrator")
                .isEqualTo(201);
        Answer launched = post("finance", "/api/campaigns", body);
        assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
        Answer again = post("finance", "/api/campaigns", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).contains("2023年度的绩效自评工作已经下发");

        runAllJobs();

        Answer progress = get("finance", "/api/campaigns/2023");
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        JsonNode units = progress.json().get("units");
        assertThat(units).hasSize(2);
        JsonNode jyj = unit(units, JYJ);
        JsonNode xzsp = unit(units, XZSP);
        assertThat(jyj.get("reportId").asText())
                .as("the unit's own report is adopted")
                .isEqualTo(ownId);
        assertThat(xzsp.get("reportId").asText()).isNotBlank().isNotEqualTo(ownId);
        assertThat(progress.json().at("/stages/drafting").asInt()).isEqualTo(2);
        assertThat(progress.json().at("/stages/notStarted").asInt()).isZero();
        assertThat(progress.json().get("launchedAt").isNull()).isFalse();
        // 总分 and 等级 come from the report's record as its latest evaluation left them; none before an evaluation.
        assertThat(jyj.get("totalScore").isNull())
                .as("not evaluated yet: %s", jyj)
                .isTrue();
        jdbc.update(
                "UPDATE jx_report SET evaluated_at = CURRENT_TIMESTAMP, total_score = 94.75, grade = '优' WHERE instance_id = ?",
                ownId);
        JsonNode evaluated = unit(get("finance", "/api/campaigns/2023").json().get("units"), JYJ);
        assertThat(evaluated.get("totalScore").decimalValue()).isEqualByComparingTo("94.75");
        assertThat(evaluated.get("grade").asText()).isEqualTo("优");
        assertThat(unit(get("finance", "/api/campaigns/2023").json().get("units"), XZSP)
                        .get("totalScore")
                        .isNull())
                .isTrue();

        // Every drafting task of both reports is due at the end of the deadline, Beijing time.
        Date dueAt = Date.from(
                deadline.plusDays(1).atStartOfDay(SHANGHAI).toInstant().minusSeconds(1));
        for (String reportId : List.of(ownId, xzsp.get("reportId").asText())) {
            List<Task> tasks =
                    taskService.createTaskQuery().processInstanceId(reportId).list();
            assertThat(tasks)
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(dueAt));
        }
        // The new report carries the notice and what rarely changes from 2022, and no figure of 2022.
        String xzspId = xzsp.get("reportId").asText();
        assertThat(runtimeService.getVariable(xzspId, "campaignNotice")).isEqualTo("请于截止日期前完成自评，联系人：刘科长。");
        JsonNode basicInfo = variables.toJsonNode(runtimeService.getVariable(xzspId, "basicInfo"));
        assertThat(basicInfo).isEqualTo(sample(XZSP, "衡山县行政审批服务局", 2022).get("basicInfo"));
        JsonNode projects = variables.toJsonNode(runtimeService.getVariable(xzspId, "projects"));
        assertThat(projects.get(0).get("name").asText())
                .isEqualTo(sample(XZSP, "", 2022).at("/projects/0/name").asText());
        assertThat(projects.toString()).doesNotContain("funds").doesNotContain("indicators");
        assertThat(runtimeService.getVariable(xzspId, "budget"))
                .as("no figure of the old year")
                .isNull();

        // Each unit's people see their own line only.
        assertThat(get("clerk", "/api/campaigns/2023").json().get("units"))
                .singleElement()
                .satisfies(u -> assertThat(u.get("unitCode").asText()).isEqualTo(XZSP));
        assertThat(get("leader2", "/api/campaigns/2023").json().get("units"))
                .singleElement()
                .satisfies(u -> assertThat(u.get("unitCode").asText()).isEqualTo(JYJ));
        assertThat(get("clerk2", "/api/campaigns/2023").json().get("units"))
                .as("the other unit's clerk")
                .singleElement()
                .satisfies(u -> assertThat(u.get("unitCode").asText()).isEqualTo(JYJ));
        assertThat(get(null, "/api/campaigns/2023").status()).as("anonymous").isEqualTo(401);
        assertThat(get("admin", "/api/campaigns/2023").json().get("units"))
                .as("an administrator sees every unit")
                .hasSize(2);
        assertThat(get("finance", "/api/campaigns/2031").status()).isEqualTo(404);

        // One report per unit and year, through every door: the app's API and Camunda's REST API.
        Answer second = post("clerk", "/api/reports", write(sample(XZSP, "衡山县行政审批服务局", 2023)));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("id").asText()).isEqualTo(xzspId);
        assertThat(second.json().get("message").asText()).contains("2023年度的自评报告已经存在");
        Answer engine = post(
                "clerk",
                "/engine-rest/process-definition/key/selfEvaluationReport/start",
                "{\"variables\": {\"fiscalYear\": {\"value\": 2023, \"type\": \"Integer\"}}}");
        assertThat(engine.status()).as(engine.toString()).isEqualTo(409);
        assertThat(engine.json().get("id").asText()).isEqualTo(xzspId);
        // The Tasklist's own start form (its session, its CSRF token, its submit-form call) gets the same answer.
        TasklistSession tasklist = new TasklistSession("clerk");
        Answer startForm = tasklist.post(
                "/camunda/api/engine/engine/default/process-definition/key/selfEvaluationReport/submit-form",
                "{\"variables\": {\"fiscalYear\": {\"value\": 2023}, \"unitCode\": {\"value\": \"\"}}}");
        assertThat(startForm.status()).as(startForm.toString()).isEqualTo(409);
        assertThat(startForm.json().get("id").asText()).isEqualTo(xzspId);
        assertThat(startForm.json().get("message").asText()).contains("已经存在");
        // The year before stays possible.
        assertThat(post("clerk2", "/api/reports", write(sample(JYJ, "衡山县教育局", 2021)))
                        .status())
                .isEqualTo(201);

        // A unit registered after the launch is added by the finance bureau and launched at once.
        assertThat(post(
                                "admin",
                                "/api/units",
                                "{\"code\": \"430423-WJJ\", \"name\": \"衡山县卫生健康局\", \"supervisor\": \"衡山县人民政府\"}")
                        .status())
                .isIn(200, 201);
        assertThat(post("clerk", "/api/campaigns/2023/units", "{\"units\": [\"430423-WJJ\"]}")
                        .status())
                .isEqualTo(403);
        Answer added = post("finance", "/api/campaigns/2023/units", "{\"units\": [\"430423-WJJ\", \"" + XZSP + "\"]}");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("added").asInt())
                .as("units already in scope are not added again")
                .isEqualTo(1);
        assertThat(post("finance", "/api/campaigns/2023/units", "{\"units\": [\"NOPE\"]}")
                        .json()
                        .get("message")
                        .asText())
                .contains("NOPE")
                .contains("未登记");
        runAllJobs();
        JsonNode wjj = unit(get("finance", "/api/campaigns/2023").json().get("units"), "430423-WJJ");
        assertThat(wjj.get("reportId").asText()).isNotBlank();
        assertThat(wjj.get("dueDate").asText()).isEqualTo(deadline.toString());

        // Launching again creates nothing twice.
        long reports = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("selfEvaluationReport")
                .count();
        String campaignId = launched.json().get("id").asText();
        runtimeService
                .createMessageCorrelation(CampaignService.MESSAGE_REPLAN)
                .processInstanceId(campaignId)
                .correlate();
        runAllJobs();
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey("selfEvaluationReport")
                        .count())
                .isEqualTo(reports);
    }

    @Test
    void theCampaignSetsTheTemplateAndScopeOfEveryReportItStarts() {
        // The demo's 2022 report of 衡山县行政审批服务局 counts as published: reports of later years start from it.
        jdbc.update("UPDATE jx_report SET stage = 'published' WHERE unit_code = ? AND fiscal_year = 2022", XZSP);
        LocalDate deadline = LocalDate.now(SHANGHAI).plusDays(30);
        String head = "{\"fiscalYear\": 2029, \"deadline\": \"" + deadline + "\", \"units\": [\"" + XZSP + "\"]";
        Answer unknown = post("finance", "/api/campaigns", head + ", \"profile\": \"hubei\"}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("「评分模板」hubei不存在");
        Answer badScope = post("finance", "/api/campaigns", head + ", \"scope\": \"tables\"}");
        assertThat(badScope.status()).as(badScope.toString()).isEqualTo(400);
        assertThat(badScope.json().get("message").asText()).contains("「报告范围」应为 department（部门整体）或 projects");
        assertThat(get("finance", "/api/campaigns/2029").status())
                .as("nothing recorded")
                .isEqualTo(404);

        Answer launched =
                post("finance", "/api/campaigns", head + ", \"profile\": \"sichuan\", \"scope\": \"projects\"}");
        assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
        runAllJobs();
        JsonNode progress = get("finance", "/api/campaigns/2029").json();
        assertThat(progress.get("profile").asText()).isEqualTo("sichuan");
        assertThat(progress.get("scope").asText()).isEqualTo("projects");
        String reportId = unit(progress.get("units"), XZSP).get("reportId").asText();
        assertThat(reportId).isNotBlank();
        // The report names the campaign's template and scope, and drafts the project tables alone.
        JsonNode report = get("clerk", "/api/reports/" + reportId).json().get("report");
        assertThat(report.get("profile").asText()).isEqualTo("sichuan");
        assertThat(report.get("scope").asText()).isEqualTo("projects");
        assertThat(taskService.createTaskQuery().processInstanceId(reportId).list())
                .extracting(Task::getTaskDefinitionKey)
                .containsExactly("draftProjects");
        assertThat(runtimeService.getVariable(reportId, "draftProgress")).isEqualTo("0/1 已完成");
        // Carried forward: the projects' names, no department section.
        assertThat(runtimeService.getVariable(reportId, "basicInfo")).isNull();
        assertThat(report.at("/projects/0/name").asText())
                .isEqualTo(sample(XZSP, "", 2022).at("/projects/0/name").asText());

        // Without a template or scope named: national (not written into the reports) and the whole report.
        Answer plain = post(
                "finance",
                "/api/campaigns",
                "{\"fiscalYear\": 2030, \"deadline\": \"" + deadline + "\", \"units\": [\"" + JYJ + "\"]}");
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        runAllJobs();
        JsonNode plainProgress = get("finance", "/api/campaigns/2030").json();
        assertThat(plainProgress.get("profile").asText()).isEqualTo("national");
        assertThat(plainProgress.get("scope").asText()).isEqualTo("department");
        String plainId = unit(plainProgress.get("units"), JYJ).get("reportId").asText();
        JsonNode plainReport = get("clerk2", "/api/reports/" + plainId).json().get("report");
        assertThat(plainReport.has("profile")).as(plainReport.toString()).isFalse();
        assertThat(plainReport.has("scope")).isFalse();
        assertThat(taskService.createTaskQuery().processInstanceId(plainId).list())
                .extracting(Task::getTaskDefinitionKey)
                .hasSize(6)
                .contains("draftBasicInfo", "draftProjects");
    }

    @Test
    void remindersGoToUnitsThatHaveNotSubmittedAndTheDeadlineMarksTheLateOnes() throws Exception {
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate deadline = today.plusDays(10);
        Answer launched = post(
                "finance",
                "/api/campaigns",
                "{\"fiscalYear\": 2024, \"deadline\": \"" + deadline + "\", \"notice\": \"\", \"units\": [\"" + XZSP
                        + "\"]}");
        assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
        runAllJobs();
        String reportId = get("finance", "/api/campaigns/2024")
                .json()
                .at("/units/0/reportId")
                .asText();

        // Launched, the campaign waits at its event-based gateway: the next moment, or a change of plan.
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(processEngine);
        org.camunda.bpm.engine.runtime.ProcessInstance campaign = runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(launched.json().get("id").asText())
                .singleResult();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(campaign)
                .isWaitingAtExactly("waiting")
                .hasPassed("launchBatch", "campaignTick")
                .isNotEnded();
        // The campaign waits for the 7-day reminder at 09:00 Beijing time.
        Job timer = timerOf(launched.json().get("id").asText());
        assertThat(timer.getDuedate()).isEqualTo(at(deadline.minusDays(7), 9));

        MAIL.purgeEmailFromAllMailboxes();
        moveClockTo(at(deadline.minusDays(7), 9).getTime() + 60_000);
        runAllJobs();
        assertThat(comments(reportId))
                .anySatisfy(c -> assertThat(c).contains("【催报】").contains("还有7天"));
        // The unit's clerk gets the reminder by mail, in Chinese, with unit, year and deadline; nobody else gets mail.
        assertThat(mails()).containsOnlyKeys("clerk@demo.jixiao.cn");
        assertThat(mails().get("clerk@demo.jixiao.cn"))
                .singleElement()
                .asString()
                .contains("【催报】")
                .contains("衡山县行政审批服务局")
                .contains("2024")
                .contains(chineseDate(deadline));

        // 延期 for the unit: its tasks' due dates move and the campaign plans again from the new date.
        LocalDate later = deadline.plusDays(10);
        Answer moved = post(
                "finance",
                "/api/campaigns/2024/deadline",
                "{\"deadline\": \"" + later + "\", \"units\": [\"" + XZSP + "\"]}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
        assertThat(post("clerk", "/api/campaigns/2024/deadline", "{\"deadline\": \"" + later + "\"}")
                        .status())
                .isEqualTo(403);
        runAllJobs();
        assertThat(timerOf(launched.json().get("id").asText()).getDuedate()).isEqualTo(at(later.minusDays(7), 9));
        assertThat(taskService.createTaskQuery().processInstanceId(reportId).list())
                .allSatisfy(t -> assertThat(t.getDueDate())
                        .isEqualTo(new Date(at(later.plusDays(1), 0).getTime() - 1000)));

        // The day before the new deadline: the 1-day reminder.
        moveClockTo(at(later.minusDays(1), 9).getTime() + 60_000);
        runAllJobs();
        assertThat(comments(reportId)).anySatisfy(c -> assertThat(c).contains("还有1天"));

        // Past the new deadline without a submission: overdue, once, with a comment on the tasks.
        MAIL.purgeEmailFromAllMailboxes();
        moveClockTo(at(later.plusDays(1), 0).getTime() + 60_000);
        runAllJobs();
        // The unit's leader is told it is late, the finance bureau gets the list of late units; the clerks no new mail.
        assertThat(mails()).containsOnlyKeys("leader@demo.jixiao.cn", "finance@demo.jixiao.cn");
        assertThat(mails().get("leader@demo.jixiao.cn"))
                .singleElement()
                .asString()
                .contains("【逾期】")
                .contains("衡山县行政审批服务局");
        assertThat(mails().get("finance@demo.jixiao.cn"))
                .singleElement()
                .asString()
                .contains("【逾期汇总】")
                .contains("衡山县行政审批服务局");
        JsonNode progress = get("finance", "/api/campaigns/2024").json();
        assertThat(progress.get("overdue").asInt()).isEqualTo(1);
        assertThat(progress.at("/units/0/overdue").asBoolean()).isTrue();
        assertThat(comments(reportId)).anySatisfy(c -> assertThat(c).contains("【逾期】"));
        long openTasks =
                taskService.createTaskQuery().processInstanceId(reportId).count();
        assertThat(comments(reportId).stream().filter(c -> c.contains("还有1天")).count())
                .as("the 1-day reminder, once per task")
                .isEqualTo(openTasks);
        assertThat(jdbc.queryForList(
                        "SELECT days_before FROM jx_campaign_reminder WHERE fiscal_year = 2024 ORDER BY days_before",
                        Integer.class))
                .containsExactly(1, 7);
        assertThat(comments(reportId)).noneMatch(c -> c.contains("还有0天"));
        // Nothing more happens on a later tick: the mark is made once.
        moveClockTo(at(later.plusDays(2), 0).getTime());
        runAllJobs();
        assertThat(comments(reportId).stream().filter(c -> c.contains("【逾期】")).count())
                .isEqualTo(openTasks);
    }

    @Test
    void twoStartsAtOnceForOneUnitAndYearMakeOneReport() throws Exception {
        String report = write(sample(JYJ, "衡山县教育局", 2025));
        CountDownLatch ready = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Answer> start = () -> {
                    ready.await();
                    return post("clerk2", "/api/reports", report);
                };
                answers.add(pool.submit(start));
            }
            ready.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM jx_report WHERE unit_code = ? AND fiscal_year = 2025",
                        Integer.class,
                        JYJ))
                .isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    private static Date at(LocalDate day, int hour) {
        return Date.from(LocalDateTime.of(day, java.time.LocalTime.of(hour, 0))
                .atZone(SHANGHAI)
                .toInstant());
    }

    private void moveClockTo(long millis) {
        ClockUtil.setCurrentTime(new Date(millis));
    }

    private static String chineseDate(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** The mails received, by recipient: subject and body as one text each. */
    private static java.util.Map<String, List<String>> mails() {
        java.util.Map<String, List<String>> byRecipient = new java.util.TreeMap<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            try {
                for (var recipient : message.getAllRecipients()) {
                    byRecipient
                            .computeIfAbsent(
                                    ((jakarta.mail.internet.InternetAddress) recipient).getAddress(),
                                    k -> new ArrayList<>())
                            .add(message.getSubject() + "\n" + message.getContent());
                }
            } catch (jakarta.mail.MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return byRecipient;
    }

    private Job timerOf(String campaignId) {
        return managementService
                .createJobQuery()
                .processInstanceId(campaignId)
                .timers()
                .singleResult();
    }

    /** Runs every job that is due now (as the job executor would), until none is left. */
    private void runAllJobs() {
        for (int round = 0; round < 200; round++) {
            List<Job> due = managementService.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming");
    }

    private List<String> comments(String reportId) {
        List<String> texts = new ArrayList<>();
        for (Task task :
                taskService.createTaskQuery().processInstanceId(reportId).list()) {
            taskService.getTaskComments(task.getId()).forEach(c -> texts.add(c.getFullMessage()));
        }
        return texts;
    }

    private static JsonNode unit(JsonNode units, String code) {
        for (JsonNode unit : units) {
            if (code.equals(unit.get("unitCode").asText())) {
                return unit;
            }
        }
        throw new AssertionError("no line for " + code + " in " + units);
    }

    private static ObjectNode sample(String code, String name, int year) {
        try (InputStream in =
                CampaignAppTest.class.getResourceAsStream("/examples/hengshan-approval-bureau-2022.corrected.json")) {
            ObjectNode report = (ObjectNode) MAPPER.readTree(in);
            report.put("fiscalYear", year);
            ((ObjectNode) report.get("unit")).put("code", code);
            if (!name.isEmpty()) {
                ((ObjectNode) report.get("unit")).put("name", name);
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** A browser's session in the Tasklist: signed in with the login form, sending the CSRF token as the Tasklist does. */
    private final class TasklistSession {
        private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();

        TasklistSession(String user) {
            call("GET", "/camunda/app/tasklist/default/", null, null);
            Answer login = call(
                    "POST",
                    "/camunda/api/admin/auth/user/default/login/tasklist",
                    "username=" + user + "&password=demo",
                    "application/x-www-form-urlencoded");
            assertThat(login.status()).as("Tasklist login: %s", login).isEqualTo(200);
            call("GET", "/camunda/api/admin/auth/user/default", null, null);
        }

        Answer post(String path, String json) {
            return call("POST", path, json, "application/json");
        }

        private Answer call(String method, String path, String body, String contentType) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        String.join(
                                "; ",
                                cookies.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .toList()));
            }
            if (cookies.containsKey("XSRF-TOKEN")) {
                request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
            request.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> response =
                        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                for (String setCookie : response.headers().allValues("Set-Cookie")) {
                    String pair = setCookie.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        cookies.put(
                                pair.substring(0, eq).trim(),
                                pair.substring(eq + 1).trim());
                    }
                }
                return new Answer(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Answer get(String user, String path) {
        return send(user, "GET", path, null);
    }

    private Answer post(String user, String path, String json) {
        return send(user, "POST", path, json);
    }

    private Answer send(String user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
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
        request.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
