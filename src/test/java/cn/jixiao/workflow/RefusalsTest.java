package cn.jixiao.workflow;

import static cn.jixiao.testing.WorkflowFixture.CLERK;
import static cn.jixiao.testing.WorkflowFixture.FINANCE;
import static cn.jixiao.testing.WorkflowFixture.LEADER;
import static cn.jixiao.testing.WorkflowFixture.OTHER_CLERK;
import static cn.jixiao.testing.WorkflowFixture.SAMPLE_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.ReviewComment;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.testing.InMemoryWorkflowTest;
import cn.jixiao.testing.WorkflowFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/** What the workflow refuses: a return without comment, an invalid section, a start by someone not the unit's clerk. */
class RefusalsTest extends InMemoryWorkflowTest {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    // ---- a return without comment ----------------------------------------------------------------------------------

    @Test
    void leaderReturnWithoutCommentIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.draftAllOpen(pi);
        fx.submit(pi);
        Task review = fx.task(pi, "internalReview");

        for (String missing : new String[] {null, "", "   "}) {
            Map<String, Object> values = new HashMap<>();
            values.put(ProcessVariables.LEADER_DECISION, "return");
            if (missing != null) {
                values.put(ProcessVariables.LEADER_COMMENT, missing);
            }
            assertThatThrownBy(() -> fx.completeAs(LEADER, review, values))
                    .as("return with comment %s", missing == null ? "absent" : "'" + missing + "'")
                    .isInstanceOf(InputRefused.class)
                    .hasMessageContaining("审核意见")
                    .hasMessageContaining("退回修改")
                    .matches(e -> CHINESE.matcher(e.getMessage()).find())
                    .satisfies(e -> assertThat(((InputRefused) e).<Object>getDetail())
                            .isEqualTo(ProcessVariables.LEADER_COMMENT));
            assertStillOpenAndNothingRecorded(pi, review, ProcessVariables.LEADER_DECISION);
        }

        // The same task then takes a proper return.
        fx.leaderReturn(pi, "请补充说明");
        assertThat(fx.reviewComments(pi)).hasSize(1);
    }

    @Test
    void financeReturnWithoutCommentIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.leaderApprove(pi, null);
        Task review = fx.task(pi, "financeReview");
        List<ReviewComment> commentsBefore = fx.reviewComments(pi);

        assertThatThrownBy(() -> fx.completeAs(FINANCE, review, Map.of(ProcessVariables.FINANCE_DECISION, "return")))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("审核意见")
                .satisfies(e ->
                        assertThat(((InputRefused) e).<Object>getDetail()).isEqualTo(ProcessVariables.FINANCE_COMMENT));

        BpmnAwareTests.assertThat(pi).isWaitingAtExactly("financeReview");
        assertThat(fx.task(pi, "financeReview").getId()).isEqualTo(review.getId());
        assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.FINANCE_DECISION))
                .isNull();
        assertThat(fx.reviewComments(pi)).isEqualTo(commentsBefore).hasSize(1);
    }

    @Test
    void aReturnNamingAnUnknownSectionIsRefused() {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.draftAllOpen(pi);
        fx.submit(pi);
        Task review = fx.task(pi, "internalReview");

        assertThatThrownBy(() -> fx.leaderReturn(pi, "请修改", "budget", "appendix"))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("需修改的章节")
                .hasMessageContaining("appendix");
        assertStillOpenAndNothingRecorded(pi, review, ProcessVariables.LEADER_DECISION);
    }

    private void assertStillOpenAndNothingRecorded(ProcessInstance pi, Task review, String decisionVariable) {
        BpmnAwareTests.assertThat(pi).isNotEnded().isWaitingAtExactly(review.getTaskDefinitionKey());
        assertThat(fx.openTasks(pi)).extracting(Task::getId).containsExactly(review.getId());
        assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), decisionVariable))
                .as("decision not kept")
                .isNull();
        assertThat(fx.reviewComments(pi)).as("nothing in the review log").isEmpty();
        assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.LAST_RETURN_COMMENT))
                .isNull();
        assertThat(BpmnAwareTests.taskService().getTaskComments(review.getId())).isEmpty();
        assertThat(BpmnAwareTests.historyService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(pi.getId())
                        .activityId(review.getTaskDefinitionKey())
                        .finished()
                        .count())
                .isZero();
    }

    // ---- an invalid section ----------------------------------------------------------------------------------------

    @Test
    void aNegativeCountInBasicInfoIsRefusedNamingTheFieldAndTheOldValueStays() {
        ProcessInstance pi = fx.startSample(CLERK);
        ObjectNode basicInfo = fx.sample().get("basicInfo").deepCopy();
        ((ObjectNode) basicInfo.get("staffing")).put("authorizedTotal", -3);

        assertSectionRefused(pi, basicInfo, "核定编制数合计", "不能小于0");
    }

    @Test
    void textWhereANumberBelongsIsRefusedNamingTheFieldAndTheOldValueStays() {
        ProcessInstance pi = fx.startSample(CLERK);
        ObjectNode basicInfo = fx.sample().get("basicInfo").deepCopy();
        ((ObjectNode) basicInfo.get("staffing")).put("authorizedTotal", "十四");

        assertSectionRefused(pi, basicInfo, "核定编制数合计", "只能填写数字");
    }

    private void assertSectionRefused(ProcessInstance pi, JsonNode invalid, String fieldLabel, String problem) {
        Task draft = fx.task(pi, "draftBasicInfo");
        JsonNode before = fx.sectionValue(pi, "basicInfo");
        assertThat(before).isEqualTo(fx.sample().get("basicInfo"));
        assertThat(fx.formValue(draft)).as("the form shows the section").isEqualTo(before);

        assertThatThrownBy(() -> fx.submitDraft(CLERK, draft, invalid))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("单位基本情况")
                .hasMessageContaining(fieldLabel)
                .hasMessageContaining(problem)
                .satisfies(
                        e -> assertThat(((InputRefused) e).<Object>getDetail()).isEqualTo("basicInfo"));

        // Still open (the very same task), the other five untouched, the old value intact in the report and the form.
        assertThat(fx.task(pi, "draftBasicInfo").getId()).isEqualTo(draft.getId());
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(WorkflowFixture.DRAFT_TASKS.toArray(String[]::new));
        assertThat(fx.sectionValue(pi, "basicInfo")).isEqualTo(before);
        assertThat(fx.formValue(draft)).isEqualTo(before);
        assertThat(BpmnAwareTests.historyService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(pi.getId())
                        .activityId("draftBasicInfo")
                        .finished()
                        .count())
                .isZero();

        // And the valid section is then taken.
        fx.submitDraft(CLERK, draft, before);
        assertThat(fx.openTaskKeys(pi)).doesNotContain("draftBasicInfo").hasSize(5);
    }

    // ---- a start by someone who is not the unit's clerk ---------------------------------------------------------

    @Test
    void aClerkOfAnotherUnitCannotStartTheUnitsReport() {
        long reports = fx.reportCount();
        long running =
                BpmnAwareTests.runtimeService().createProcessInstanceQuery().count();
        long grants = BpmnAwareTests.processEngine()
                .getAuthorizationService()
                .createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE)
                .count();
        long recorded = fx.recordedReports();

        assertThatThrownBy(() -> fx.startSample(OTHER_CLERK))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("经办人")
                // The refusal says nothing of the unit: no one learns which units exist or what they are called.
                .hasMessageNotContaining(SAMPLE_UNIT.name());

        assertNothingStarted(reports, running, grants, recorded);
    }

    @Test
    void theUnitsLeaderCannotStartItsReport() {
        long reports = fx.reportCount();
        long running =
                BpmnAwareTests.runtimeService().createProcessInstanceQuery().count();
        long grants = BpmnAwareTests.processEngine()
                .getAuthorizationService()
                .createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE)
                .count();
        long recorded = fx.recordedReports();

        assertThatThrownBy(() -> fx.startSample(LEADER)).isInstanceOf(AuthorizationException.class);

        assertNothingStarted(reports, running, grants, recorded);
    }

    @Test
    void theUnitsClerkCanStartIt() {
        long reports = fx.reportCount();
        long recorded = fx.recordedReports();
        ProcessInstance pi = fx.startSample(CLERK);
        BpmnAwareTests.assertThat(pi).isStarted();
        assertThat(fx.reportCount()).isEqualTo(reports + 1);
        assertThat(fx.recordedReports()).isEqualTo(recorded + 1);
        assertThat(BpmnAwareTests.runtimeService().getVariables(pi.getId()))
                .containsEntry(ProcessVariables.UNIT_CODE, SAMPLE_UNIT.code())
                .containsEntry(ProcessVariables.UNIT_NAME, SAMPLE_UNIT.name())
                .containsEntry(ProcessVariables.FISCAL_YEAR, 2022)
                .as("nothing that decides access is a variable")
                .doesNotContainKeys(
                        "clerkGroup", "leaderGroup", "financeGroup", "stage", "seenByFinance", "reviewComments");
        // The workflow's own record: unit and year as started, drafting, not yet with the finance bureau.
        ReportEntry entry = fx.entry(pi);
        assertThat(entry.id()).isEqualTo(pi.getId());
        assertThat(entry.unitCode()).isEqualTo(SAMPLE_UNIT.code());
        assertThat(entry.fiscalYear()).isEqualTo(2022);
        assertThat(entry.stage()).isEqualTo("drafting");
        assertThat(entry.seenByFinance()).isFalse();
        assertThat(entry.publishedOn()).isNull();
        assertThat(entry.startedAt()).isNotNull();
        // Every drafting task goes to the unit's clerks, and only to them.
        assertThat(fx.openTasks(pi))
                .extracting(t -> t.getTaskDefinitionKey())
                .containsExactlyInAnyOrderElementsOf(WorkflowFixture.DRAFT_TASKS);
        assertThat(fx.openTasks(pi))
                .allSatisfy(t -> assertThat(fx.candidateGroups(t))
                        .as(t.getTaskDefinitionKey())
                        .containsExactly(SAMPLE_UNIT.clerkGroupId()));
        assertThat(fx.reviewComments(pi)).isEmpty();
        assertThat(BpmnAwareTests.processEngine()
                        .getAuthorizationService()
                        .createAuthorizationQuery()
                        .resourceType(Resources.PROCESS_INSTANCE)
                        .resourceId(pi.getId())
                        .list())
                .extracting(a -> a.getGroupId())
                .containsExactlyInAnyOrderElementsOf(List.of(SAMPLE_UNIT.clerkGroupId(), SAMPLE_UNIT.leaderGroupId()));
    }

    private void assertNothingStarted(long reports, long running, long grants, long recorded) {
        assertThat(fx.reportCount()).as("no report in history").isEqualTo(reports);
        assertThat(BpmnAwareTests.runtimeService().createProcessInstanceQuery().count())
                .as("no running report")
                .isEqualTo(running);
        assertThat(BpmnAwareTests.processEngine()
                        .getAuthorizationService()
                        .createAuthorizationQuery()
                        .resourceType(Resources.PROCESS_INSTANCE)
                        .count())
                .as("no access granted")
                .isEqualTo(grants);
        assertThat(fx.recordedReports()).as("no report recorded in jx_report").isEqualTo(recorded);
    }
}
