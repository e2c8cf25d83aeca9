package cn.jixiao.workflow;

import static cn.jixiao.testing.WorkflowFixture.CLERK;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.JixiaoApplication;
import cn.jixiao.record.ReportEntry;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.testing.WorkflowFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart loses nothing: the application on its H2 file database (as in production, under {@code jixiao.data-dir})
 * is stopped and started again; the open tasks and every entered value are still there, and unchanged models are
 * not deployed again.
 */
@Tag("workflow")
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext context;

    @AfterEach
    void closeContext() {
        BpmnAwareTests.reset();
        if (context != null) {
            context.close();
        }
    }

    private WorkflowFixture startApplication() {
        context = new SpringApplicationBuilder(JixiaoApplication.class)
                // As command-line arguments: builder properties are only defaults, which application.yaml would
                // override.
                // The security configuration needs Spring MVC, so this is the real web application on a random port.
                .run(
                        "--server.port=0",
                        "--jixiao.data-dir=" + dataDir.toAbsolutePath(),
                        // The production URL spelled out, so that a JIXIAO_DB_URL in the environment cannot redirect
                        // the test.
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath()
                                + "/jixiao;AUTO_SERVER=FALSE;MODE=LEGACY",
                        "--camunda.bpm.process-engine-name=wf-restart");
        WorkflowFixture fx = new WorkflowFixture(context);
        BpmnAwareTests.init(fx.engine);
        return fx;
    }

    private void stopApplication() {
        BpmnAwareTests.reset();
        context.close();
        context = null;
    }

    @Test
    void openTasksAndEnteredValuesSurviveARestartWithoutANewDeployment() {
        // First run: start a report and complete one section with a changed value.
        WorkflowFixture fx = startApplication().withUnitsAndUsers();
        ProcessInstance pi = fx.startSample(CLERK);
        ObjectNode basicInfo = fx.sample().get("basicInfo").deepCopy();
        ((ObjectNode) basicInfo.get("staffing")).put("temporary", 27);
        basicInfo.withArray("responsibilities").add("完成上级交办的临时性工作（重启测试）。");
        fx.submitDraft(CLERK, fx.task(pi, "draftBasicInfo"), basicInfo);

        List<Task> openBefore = fx.openTasks(pi);
        Map<String, JsonNode> sectionsBefore = fx.sectionValues(pi);
        Map<String, Object> variablesBefore = fx.processVariables(pi);
        ObjectNode reportBefore = fx.reports.find(pi.getId()).orElseThrow().report();
        ReportEntry entryBefore = fx.entry(pi);
        long deploymentsBefore = fx.repositoryService.createDeploymentQuery().count();
        List<ProcessDefinition> definitionsBefore = definitions(fx);
        assertThat(definitionsBefore).hasSize(1);
        assertThat(fx.openTaskKeys(pi)).hasSize(5).doesNotContain("draftBasicInfo");
        assertThat(sectionsBefore.get("basicInfo")).isEqualTo(basicInfo);
        stopApplication();

        assertThat(dataDir.resolve("jixiao.mv.db"))
                .as("the database is a file under jixiao.data-dir")
                .exists();
        assertThat(fileSize(dataDir.resolve("jixiao.mv.db"))).isPositive();

        // Second run on the same file.
        fx = startApplication();
        ProcessInstance again = fx.runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .singleResult();
        assertThat(again).as("the report is still running").isNotNull();
        // (The inclusive join also holds the finished basicInfo branch, so "waiting at" includes sectionsDone.)
        BpmnAwareTests.assertThat(again)
                .isNotEnded()
                .hasPassed("draftBasicInfo")
                .isWaitingAt("draftBudget", "draftPerformance", "draftProjects", "draftProblems", "draftOtherNotes")
                .isNotWaitingAt("draftBasicInfo", "draftSubmit");
        assertThat(fx.openTaskKeys(again))
                .containsExactlyInAnyOrder(
                        "draftBudget", "draftPerformance", "draftProjects", "draftProblems", "draftOtherNotes");
        assertThat(fx.openTasks(again))
                .extracting(Task::getId)
                .containsExactlyInAnyOrderElementsOf(
                        openBefore.stream().map(Task::getId).toList());
        WorkflowFixture restarted = fx;
        assertThat(fx.openTasks(again))
                .allSatisfy(t -> assertThat(restarted.taskService.getIdentityLinksForTask(t.getId()))
                        .anySatisfy(
                                l -> assertThat(l.getGroupId()).isEqualTo(WorkflowFixture.SAMPLE_UNIT.clerkGroupId())));

        assertThat(fx.sectionValues(again)).isEqualTo(sectionsBefore);
        for (Task task : restarted.openTasks(again)) {
            String key = cn.jixiao.report.Section.byTaskId(task.getTaskDefinitionKey())
                    .orElseThrow()
                    .key();
            JsonNode expected = restarted.shownBy(task, sectionsBefore.get(key));
            assertThat(restarted.formValue(task)).as("%s prefilled", key).isEqualTo(expected);
        }
        assertThat(fx.sectionValue(again, "basicInfo")).isEqualTo(basicInfo);
        assertThat(fx.processVariables(again))
                .isEqualTo(variablesBefore)
                .containsKeys("basicInfo", "unit", "fiscalYear")
                .doesNotContainKeys(
                        "stage", "clerkGroup", "leaderGroup", "financeGroup", "seenByFinance", "reviewComments");
        assertThat(fx.reports.find(again.getId()).orElseThrow().report()).isEqualTo(reportBefore);
        // The workflow's own record (jx_report, in the same database file) is there too, unchanged.
        assertThat(fx.entry(again)).isEqualTo(entryBefore);
        assertThat(entryBefore.unitCode()).isEqualTo(WorkflowFixture.SAMPLE_UNIT.code());
        assertThat(entryBefore.stage()).isEqualTo("drafting");

        assertThat(fx.repositoryService.createDeploymentQuery().count())
                .as("no new deployment")
                .isEqualTo(deploymentsBefore);
        assertThat(definitions(fx))
                .as("no new version of %s", ProcessVariables.PROCESS_KEY)
                .extracting(ProcessDefinition::getId)
                .containsExactlyElementsOf(
                        definitionsBefore.stream().map(ProcessDefinition::getId).toList());

        // The people and units are there too, and the report can go on.
        assertThat(fx.units.find(WorkflowFixture.SAMPLE_UNIT.code())).isPresent();
        fx.draftAllOpen(again);
        BpmnAwareTests.assertThat(again).isWaitingAtExactly("draftSubmit");
        // A task created after the restart still finds its group from the record.
        assertThat(fx.candidateGroups(fx.task(again, "draftSubmit")))
                .containsExactly(WorkflowFixture.SAMPLE_UNIT.clerkGroupId());
        assertThat(fx.sectionValue(again, "basicInfo")).isEqualTo(basicInfo);
    }

    private static List<ProcessDefinition> definitions(WorkflowFixture fx) {
        return fx.repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .orderByProcessDefinitionVersion()
                .asc()
                .list();
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
