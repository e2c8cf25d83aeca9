package cn.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.grading.DeployedGradeTable;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.testing.InMemoryWorkflowTest;
import cn.jixiao.testing.WorkflowFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The checks in the process: a section's own errors refuse its completion; 提交审核 shows a fresh evaluation;
 * 计算得分与校验 sends errors back to the clerk, never to review; warnings go on, visibly.
 */
class EvaluationPathTest extends InMemoryWorkflowTest {

    @Test
    void weightsThatDoNotAddUpAreRefusedWhenTheSectionIsCompletedAndTheTaskStaysOpen() {
        ProcessInstance pi = fx.startSample(WorkflowFixture.CLERK);
        ArrayNode projects = (ArrayNode) fx.sectionValue(pi, "projects");
        ((ObjectNode) projects.at("/0/indicators/0")).put("weight", 20); // weights now add up to 110
        // The list takes the projects as sent; the project's own task checks it.
        fx.completeAs(
                WorkflowFixture.CLERK, fx.task(pi, "draftProjects"), Map.of("projects", fx.variables.json(projects)));
        var draft = fx.task(pi, "draftProject");
        assertThatThrownBy(() -> fx.completeAs(WorkflowFixture.CLERK, draft, Map.of()))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("「项目支出绩效自评表：" + projects.at("/0/name").asText() + "」有以下错误需要修改")
                .hasMessageContaining("【错误】")
                .hasMessageContaining("110");
        assertThat(fx.openTaskKeys(pi)).contains("draftProject");
        assertThat(fx.sectionValue(pi, "projects").at("/0/indicators/0/weight").asInt())
                .as("nothing stored")
                .isEqualTo(10);

        // A warning alone (执行数 above the budget) lets the section through.
        ArrayNode overspent = (ArrayNode) fx.sectionValue(pi, "projects");
        ObjectNode total = (ObjectNode) overspent.at("/0/funds/total");
        java.math.BigDecimal more = total.get("annualBudget")
                .decimalValue()
                .add(java.math.BigDecimal.ONE)
                .subtract(total.get("executed").decimalValue());
        total.put("executed", total.get("executed").decimalValue().add(more));
        ObjectNode grant = (ObjectNode) overspent.at("/0/funds/currentYearGrant");
        grant.put("executed", grant.get("executed").decimalValue().add(more)); // the fund lines still add up
        fx.completeAs(WorkflowFixture.CLERK, draft, Map.of("projects", fx.variables.json(overspent)));
        assertThat(fx.openTaskKeys(pi)).doesNotContain("draftProjects", "draftProject");
    }

    @Test
    void anErrorThatReachesTheChecksAnywaySendsTheReportBackToTheClerkNeverToTheLeader() {
        ProcessInstance pi = fx.startSample(WorkflowFixture.CLERK);
        for (var task : fx.openTasks(pi)) {
            if (!"draftOtherNotes".equals(task.getTaskDefinitionKey())) {
                fx.submitDraft(WorkflowFixture.CLERK, task, fx.formValue(task));
            }
        }
        fx.draftProjectsOpen(pi);
        // A section written past its drafting task (as by an earlier version of the application, or a repair).
        ArrayNode projects = (ArrayNode) fx.sectionValue(pi, "projects");
        ((ObjectNode) projects.at("/0/indicators/0")).put("weight", 20); // weights now add up to 110
        fx.runtimeService.setVariable(pi.getId(), "projects", fx.variables.json(projects));
        var last = fx.task(pi, "draftOtherNotes");
        fx.submitDraft(WorkflowFixture.CLERK, last, fx.formValue(last));

        // 提交审核 shows a fresh evaluation of the report as it stands, errors included.
        String shownOnSubmit = (String) fx.taskService.getVariableLocal(
                fx.task(pi, "draftSubmit").getId(), ProcessVariables.EVALUATION_SUMMARY_TEXT);
        assertThat(shownOnSubmit).contains("【错误】").contains("110");

        fx.submit(pi);
        assertThat(pi).hasPassed("evaluateReport").isNotEnded();
        // Only the project with the error reopens, without the list.
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProject");
        assertThat(fx.task(pi, "draftProject").getName())
                .isEqualTo("填写项目自评表：" + projects.at("/0/name").asText());
        assertThat(fx.stage(pi)).isEqualTo("drafting");
        assertThat(pi).hasNotPassed("internalReview");

        JsonNode evaluation = fx.sectionValue(pi, ProcessVariables.EVALUATION);
        assertThat(evaluation.at("/projects/0/grade").isNull()).isTrue();
        assertThat(evaluation.get("findings")).anySatisfy(f -> {
            assertThat(f.get("code").asText()).isEqualTo("WEIGHT_TOTAL_NOT_100");
            assertThat(f.get("severity").asText()).isEqualTo("ERROR");
            assertThat(f.get("pointer").asText()).isEqualTo("/projects/0");
        });
        String shown = (String) fx.runtimeService.getVariable(pi.getId(), ProcessVariables.LAST_RETURN_COMMENT);
        assertThat(shown).contains("系统校验未通过").contains("【错误】").contains("110");

        // Fixed, it runs again and goes on to the leader.
        ((ObjectNode) projects.at("/0/indicators/0")).put("weight", 10);
        fx.completeAs(
                WorkflowFixture.CLERK,
                fx.task(pi, "draftProject"),
                Map.of("projects", fx.variables.json(fx.mapper.createArrayNode().add(projects.get(0)))));
        assertThat(fx.taskService.getVariableLocal(
                        fx.task(pi, "draftSubmit").getId(), ProcessVariables.EVALUATION_SUMMARY_TEXT))
                .asString()
                .doesNotContain("【错误】");
        fx.submit(pi);
        assertThat(fx.openTaskKeys(pi)).containsExactly("internalReview");
        assertThat(fx.sectionValue(pi, ProcessVariables.EVALUATION)
                        .at("/projects/0/grade")
                        .asText())
                .isEqualTo("优");
    }

    @Test
    void warningsOnlyGoOnToReviewWithTheWarningsAndScoresInTheReviewTasksVariables() {
        ProcessInstance pi = fx.startSample(WorkflowFixture.CLERK);
        ObjectNode budget = (ObjectNode) fx.sectionValue(pi, "budget");
        ((ObjectNode) budget.get("assets")).put("netAssets", new java.math.BigDecimal("554.07"));
        fx.completeAs(WorkflowFixture.CLERK, fx.task(pi, "draftBudget"), Map.of("budget", fx.variables.json(budget)));
        fx.draftAllOpen(pi);
        fx.submit(pi);

        assertThat(fx.openTaskKeys(pi)).isEqualTo(Set.of("internalReview"));
        Map<String, Object> seenByReviewer =
                fx.taskService.getVariables(fx.task(pi, "internalReview").getId());
        assertThat((String) seenByReviewer.get(ProcessVariables.EVALUATION_SUMMARY_TEXT))
                .contains("【提醒】")
                .contains("554.07")
                .contains("总分94.75分")
                .contains("等级：优");
        JsonNode evaluation = fx.variables.toJsonNode(seenByReviewer.get(ProcessVariables.EVALUATION));
        assertThat(evaluation.get("findings")).singleElement().satisfies(f -> {
            assertThat(f.get("code").asText()).isEqualTo("ASSETS_EQUATION");
            assertThat(f.get("severity").asText()).isEqualTo("WARNING");
            assertThat(f.get("pointer").asText()).isEqualTo("/budget/assets/netAssets");
        });
        assertThat(evaluation.at("/projects/0/totalScore").decimalValue()).isEqualByComparingTo("94.75");
    }

    @Test
    void theGradeComesFromTheDeployedDecisionTable() {
        DeployedGradeTable table = context.getBean(DeployedGradeTable.class);
        assertThat(fx.repositoryService
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey("grade")
                        .count())
                .isPositive();
        assertThat(table.gradeFor(new java.math.BigDecimal("90"))).isEqualTo("优");
        assertThat(table.gradeFor(new java.math.BigDecimal("89.99"))).isEqualTo("良");
        assertThat(table.gradeFor(new java.math.BigDecimal("59.99"))).isEqualTo("差");
    }

    @Test
    void newBandsDeployedWithoutACodeChangeApplyAtOnce() throws Exception {
        DeployedGradeTable table = context.getBean(DeployedGradeTable.class);
        assertThat(table.gradeFor(new java.math.BigDecimal("86"))).isEqualTo("良");
        String xml = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn", "grade.dmn"))
                .replace("[90..100]", "[85..100]")
                .replace("[80..90[", "[80..85[");
        var deployment = fx.repositoryService
                .createDeployment()
                .addString("grade.dmn", xml)
                .deploy();
        try {
            assertThat(table.gradeFor(new java.math.BigDecimal("86"))).isEqualTo("优");
        } finally {
            fx.repositoryService.deleteDeployment(deployment.getId(), true);
        }
        assertThat(table.gradeFor(new java.math.BigDecimal("86"))).isEqualTo("良");
    }
}
