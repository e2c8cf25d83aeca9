package cn.jixiao.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.report.FormValues;
import cn.jixiao.security.UserDirectory;
import cn.jixiao.workflow.ReportService;
import cn.jixiao.workflow.ReportVariables;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * 报告范围 仅项目支出绩效自评表 in the Tasklist, in headless Chromium (issue 18): the start form's choice opens the
 * project list alone, its card counting 0/1; the leader's review form of such a report shows the tables' title, no
 * department section and no choice of sections to return, and a return reopens the project list.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:e2e-scope-${random.uuid};DB_CLOSE_DELAY=-1;MODE=LEGACY")
@ActiveProfiles("demo")
@DirtiesContext
@ExtendWith(RequiresChromium.class)
class ProjectOnlyReportE2eTest {

    static final String UNIT = "衡山县行政审批服务局";
    static final String UNIT_CODE = "430423-XZSP";
    static final String UNIT_TASKS = "本单位待办";
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @LocalServerPort
    int port;

    @Autowired
    ReportService reports;

    @Autowired
    ReportVariables variables;

    @Autowired
    UserDirectory users;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    IdentityService identityService;

    private E2eBrowser.Session browser;
    private Path downloads;
    private WebDriver driver;
    private TasklistPage tasklist;
    private Screenshots screenshots;

    @BeforeAll
    static void chromium() {
        E2eBrowser.requireChromium();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        downloads = Files.createTempDirectory("jx-e2e-downloads-");
        browser = E2eBrowser.start(downloads);
        driver = browser.driver();
        screenshots = new Screenshots(E2eBrowser.buildDirectory().resolve("e2e-screenshots-scope"));
        tasklist = new TasklistPage(driver, "http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        E2eBrowser.deleteQuietly(downloads);
    }

    private List<String> cardsOf(int year) {
        tasklist.openFilter(UNIT_TASKS);
        return tasklist.taskCards().stream()
                .filter(card -> card.contains(UNIT + " " + year))
                .toList();
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theStartFormsChoiceAndTheLeadersReturnOfTheTablesAlone() throws Exception {
        tasklist.login("clerk", "demo");
        tasklist.startProcess("部门整体支出绩效自评报告", form -> form.type("年度", 2033).choose("报告范围", "仅项目支出绩效自评表"));
        tasklist.confirmStart();
        tasklist.waitForTask(UNIT_TASKS, "填写项目清单", 2033);
        assertThat(cardsOf(2033))
                .singleElement()
                .asString()
                .startsWith("填写项目清单")
                .contains("0/1 已完成");
        screenshots.take(driver, "projects-only-card");

        // A report of the tables, drafted and submitted (as the clerk, through the engine), reaches the leader.
        String id = draftedAndSubmitted(2034);
        tasklist.logout();
        tasklist.login("leader", "demo");
        FormFiller form = tasklist.openTask(UNIT_TASKS, "单位负责人审核", 2034);
        assertThat(form.text()).contains("2034 年度项目支出绩效自评表").doesNotContain("部门整体支出绩效自评报告");
        form.choose("审核意见", "退回修改").type("审核意见说明", "请核对第二张表的实际完成值。");
        assertThat(form.text()).contains("本报告只含项目支出绩效自评表").doesNotContain("需修改的章节");
        screenshots.take(driver, "projects-only-leader-return");
        tasklist.complete();
        assertThat(taskService.createTaskQuery().processInstanceId(id).list())
                .extracting(Task::getTaskDefinitionKey)
                .containsExactly("draftProjects");
    }

    /** Starts the published Sichuan tables as the unit's report of the year and drafts and submits them as the clerk. */
    private String draftedAndSubmitted(int year) throws IOException {
        ObjectNode tables;
        try (InputStream in = getClass().getResourceAsStream("/tables/sichuan-free-split-2023.json")) {
            tables = (ObjectNode) MAPPER.readTree(in);
        }
        tables.put("fiscalYear", year);
        tables.putObject("unit").put("code", UNIT_CODE).put("name", UNIT);
        String id = reports.start(tables, users.load("clerk"));
        identityService.setAuthentication("clerk", users.load("clerk").groupIds());
        try {
            Task list = task(id, "draftProjects").get(0);
            taskService.complete(list.getId(), Map.of("projects", variables.json(tables.get("projects"))));
            for (Task project : task(id, "draftProject")) {
                JsonNode shown = FormValues.fromForm(
                        variables.toJsonNode(taskService.getVariableTyped(project.getId(), "projects", false)));
                formService.submitTaskForm(
                        project.getId(),
                        Map.of(
                                "projects",
                                variables.json(FormValues.toForm(
                                        MAPPER.createArrayNode().add(shown.get(0))))));
            }
            taskService.complete(task(id, "draftSubmit").get(0).getId(), Map.of());
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(task(id, "internalReview")).hasSize(1);
        return id;
    }

    private List<Task> task(String id, String key) {
        return taskService
                .createTaskQuery()
                .processInstanceId(id)
                .taskDefinitionKey(key)
                .active()
                .list();
    }
}
