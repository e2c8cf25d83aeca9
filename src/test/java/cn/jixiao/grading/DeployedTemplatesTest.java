package cn.jixiao.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.jixiao.scoring.Evaluation;
import cn.jixiao.scoring.EvaluationJson;
import cn.jixiao.scoring.Finding;
import cn.jixiao.scoring.ReportEvaluator;
import cn.jixiao.scoring.Samples;
import cn.jixiao.scoring.ScoringSettings;
import cn.jixiao.scoring.Severity;
import cn.jixiao.scoring.TemplateCatalog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 评分模板 an administrator deploys to the engine applies at the next evaluation, without a restart: deployed, a
 * new version deployed, taken away. A plain in-memory engine, no Spring, so the test stays fast.
 */
class DeployedTemplatesTest {

    private static ProcessEngine engine;
    private static RepositoryService repository;
    private static ReportEvaluator evaluator;

    @BeforeAll
    static void startEngine() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:templates-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setProcessEngineName("templates-test")
                .buildProcessEngine();
        repository = engine.getRepositoryService();
        TemplateCatalog catalog =
                new DeployedTemplates(repository, TemplateCatalog.builtIn(ScoringSettings.defaults()));
        evaluator = new ReportEvaluator(catalog, Samples.BANDS);
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @AfterEach
    void removeDeployments() {
        repository.createDeploymentQuery().list().forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    /**
     * The corrected sample's table alone, on a Hubei-like table: 20 for the funds, 80 for the goals (the 满意度
     * indicator dropped), 调整后预算数 390 against 全年执行数 390.
     */
    private static ObjectNode hubeiTable() {
        ObjectNode report = Samples.corrected();
        report.remove(List.of("basicInfo", "budget", "performance", "problems", "otherNotes"));
        report.put("scope", "projects").put("profile", "hubei");
        ObjectNode funds = (ObjectNode) report.at("/projects/0/funds");
        funds.put("weight", 20);
        ((ObjectNode) funds.get("total")).put("adjustedBudget", 390);
        Samples.indicator(report, 0, 8).put("weight", 0).put("score", 0);
        return report;
    }

    private static Deployment deploy(String name, String json) {
        return repository
                .createDeployment()
                .name("scoring template")
                .addString(name, json)
                .deploy();
    }

    private static String hubeiJson() throws IOException {
        try (InputStream in = DeployedTemplatesTest.class.getResourceAsStream("/templates/hubei.template.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aTemplateDeployedAtRunTimeAppliesAtTheNextEvaluation() throws IOException {
        Evaluation before = evaluator.evaluate(hubeiTable());
        assertThat(before.findings())
                .extracting(Finding::severity, Finding::code, Finding::pointer)
                .startsWith(tuple(Severity.ERROR, "PROFILE_UNKNOWN", "/profile"));
        assertThat(before.projects().get(0).grade()).isNull();

        deploy("hubei.template.json", hubeiJson());
        Evaluation after = evaluator.evaluate(hubeiTable());
        assertThat(after.profile()).isEqualTo("hubei");
        assertThat(after.findings())
                .extracting(Finding::severity, Finding::code, Finding::pointer)
                .containsExactly(tuple(Severity.WARNING, "EXPECTED_FIELD_MISSING", "/projects/0/conclusion"));
        assertThat(after.findings().get(0).message()).contains("评价结论");
        // 执行率 on 调整后预算数: 390 ÷ 390 = 100%, 20 points; 47 + 28 + 0 for the indicators.
        assertThat(after.projects().get(0).executionRate()).isEqualByComparingTo("100");
        assertThat(after.projects().get(0).fundsScore()).isEqualByComparingTo("20");
        assertThat(after.projects().get(0).totalScore()).isEqualByComparingTo("95");
        assertThat(after.projects().get(0).grade()).isEqualTo("优");
        assertThat(EvaluationJson.toJson(after, Samples.MAPPER).get("profile").asText())
                .isEqualTo("hubei");

        ObjectNode concluded = hubeiTable();
        Samples.project(concluded, 0).put("conclusion", "项目完成较好");
        assertThat(evaluator.evaluate(concluded).findings()).isEmpty();
    }

    @Test
    void aNewerVersionReplacesTheOlderAndRemovingItTakesItAway() throws IOException {
        deploy("hubei.template.json", hubeiJson());
        Deployment stricter =
                deploy("templates/hubei.template.json", hubeiJson().replace("\"atLeast\": 90", "\"atLeast\": 96"));
        ObjectNode report = hubeiTable();
        Samples.project(report, 0).put("conclusion", "项目完成较好");
        assertThat(evaluator.evaluate(report).projects().get(0).grade()).isEqualTo("良");

        repository.deleteDeployment(stricter.getId(), true);
        assertThat(evaluator.evaluate(report).projects().get(0).grade()).isEqualTo("优");
    }

    @Test
    void aDeployedTemplateMayReplaceABuiltInOne() throws IOException {
        ObjectNode report = hubeiTable().put("profile", "sichuan");
        Samples.project(report, 0).put("conclusion", "项目完成较好");
        assertThat(evaluator.evaluate(report).findings())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple("LEVEL1_WEIGHT_MISMATCH", "/projects/0/funds/weight"));

        deploy("sichuan.template.json", hubeiJson().replace("\"hubei\"", "\"sichuan\""));
        assertThat(evaluator.evaluate(report).findings()).isEmpty();
    }

    @Test
    void aFileThatIsNoTemplateIsLeftOut() {
        deploy("hubei.template.json", "{\"id\": \"hubei\", \"fundsWeight\": 20, \"indicatorTotal\": 90}");
        assertThat(evaluator.evaluate(hubeiTable()).findings())
                .extracting(Finding::code)
                .contains("PROFILE_UNKNOWN");
    }
}
