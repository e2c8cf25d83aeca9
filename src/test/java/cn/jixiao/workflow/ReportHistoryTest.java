package cn.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.jixiao.engine.ReportHistoryLevel;
import cn.jixiao.testing.InMemoryWorkflowTest;
import cn.jixiao.testing.WorkflowFixture;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The history a report leaves under {@link ReportHistoryLevel}: everything of full history — every decision and
 * comment of every round, the user operation log, the final value of every section — but no per-change copies of
 * the sections, the evaluation or the document.
 */
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class ReportHistoryTest extends InMemoryWorkflowTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void engineRunsFullHistoryUnderItsOwnName() {
        HistoryLevel level =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
        assertThat(level).isInstanceOf(ReportHistoryLevel.class);
        assertThat(fx.managementService.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
    }

    @Test
    void decisionsOfEveryRoundAreKeptAndPayloadCopiesAreNot() {
        ProcessInstance pi = fx.startSample(WorkflowFixture.CLERK);
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.leaderReturn(pi, "第一轮退回意见");
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.leaderApprove(pi, "同意");
        fx.financeAccept(pi);
        fx.managementService.executeJob(job(pi).getId());
        assertThat(pi).isEnded();

        List<HistoricVariableUpdate> updates = fx
                .historyService
                .createHistoricDetailQuery()
                .processInstanceId(pi.getId())
                .variableUpdates()
                .disableBinaryFetching()
                .list()
                .stream()
                .map(HistoricVariableUpdate.class::cast)
                .toList();
        assertThat(updates)
                .extracting(HistoricVariableUpdate::getVariableName)
                .contains("leaderDecision", "leaderComment", "financeDecision")
                .doesNotContain(
                        "basicInfo",
                        "budget",
                        "performance",
                        "projects",
                        "problems",
                        "evaluation",
                        ReportDocuments.VARIABLE);
        assertThat(updates)
                .filteredOn(u -> u.getVariableName().equals("leaderDecision"))
                .extracting(HistoricVariableUpdate::getValue)
                .as("both rounds' decisions")
                .containsSubsequence("return", "approve");
        assertThat(updates).extracting(HistoricVariableUpdate::getTypeName).doesNotContain("json", "file", "bytes");

        // The final value of every payload stays in the historic variable instances (of the process instance; the
        // project
        // list and project tasks each keep their form's copy of `projects` in a scope of their own).
        for (String section : List.of(
                "basicInfo", "budget", "performance", "projects", "problems", "evaluation", ReportDocuments.VARIABLE)) {
            assertThat(fx.historyService
                            .createHistoricVariableInstanceQuery()
                            .processInstanceId(pi.getId())
                            .variableName(section)
                            .disableBinaryFetching()
                            .list())
                    .filteredOn(v -> pi.getId().equals(v.getActivityInstanceId()))
                    .as(section)
                    .hasSize(1);
        }
        assertThat(fx.historyService
                        .createUserOperationLogQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .as("user operation log")
                .isPositive();
    }
}
