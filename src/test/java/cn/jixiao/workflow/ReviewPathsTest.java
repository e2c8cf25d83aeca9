package cn.jixiao.workflow;

import static cn.jixiao.testing.WorkflowFixture.CLERK;
import static cn.jixiao.testing.WorkflowFixture.DRAFT_TASKS;
import static cn.jixiao.testing.WorkflowFixture.FINANCE;
import static cn.jixiao.testing.WorkflowFixture.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.record.ReviewComment;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.testing.InMemoryWorkflowTest;
import cn.jixiao.testing.WorkflowFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/** The ways a report travels: straight through, returned by the leader (named sections or all), returned by finance. */
class ReviewPathsTest extends InMemoryWorkflowTest {

    private static final Set<String> ALL_DRAFTING = new TreeSet<>(DRAFT_TASKS);

    @Test
    void draftedSubmittedApprovedAcceptedIsPublished() {
        ProcessInstance pi = fx.startSample(CLERK);
        BpmnAwareTests.assertThat(pi)
                .isStarted()
                .isNotEnded()
                .hasBusinessKey("430423-XZSP-2022")
                .isWaitingAtExactly(DRAFT_TASKS.toArray(String[]::new));
        assertThat(fx.stage(pi)).isEqualTo("drafting");
        assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), "stage"))
                .as("no stage variable")
                .isNull();

        fx.draftAllOpen(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly("draftSubmit");
        fx.submit(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly("internalReview");
        assertThat(fx.stage(pi)).isEqualTo("internalReview");
        assertThat(fx.candidateGroups(fx.task(pi, "internalReview")))
                .containsExactly(WorkflowFixture.SAMPLE_UNIT.leaderGroupId());
        assertThat(fx.entry(pi).seenByFinance())
                .as("not yet with the finance bureau")
                .isFalse();
        fx.leaderApprove(pi, "同意上报");
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly("financeReview");
        assertThat(fx.stage(pi)).isEqualTo("financeReview");
        assertThat(fx.candidateGroups(fx.task(pi, "financeReview"))).containsExactly(fx.financeGroup);
        assertThat(fx.entry(pi).seenByFinance()).isTrue();
        fx.financeAccept(pi);
        fx.awaitRest(pi); // 生成并公开报告 runs as a job

        BpmnAwareTests.assertThat(pi)
                .isEnded()
                .hasPassed(DRAFT_TASKS.toArray(String[]::new))
                .hasPassedInOrder(
                        "reportStarted",
                        "draftingOpened",
                        "openSections",
                        "sectionsDone",
                        "draftSubmit",
                        "internalReview",
                        "leaderDecided",
                        "financeReview",
                        "financeDecided",
                        "publishReport",
                        "reportPublished");
        assertThat(BpmnAwareTests.historyService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(pi.getId())
                        .activityId("reportPublished")
                        .finished()
                        .count())
                .as("ended at 已公开")
                .isEqualTo(1);
        assertThat(fx.stage(pi)).isEqualTo("published");
        assertThat(fx.entry(pi).publishedOn()).isNotNull();
        assertThat(fx.historicValue(pi, "stage")).as("no stage variable, ever").isNull();
        assertThat(fx.reports.find(pi.getId()).orElseThrow().stage()).isEqualTo("published");

        List<ReviewComment> comments = fx.reviewComments(pi);
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).step()).isEqualTo("internalReview");
        assertThat(comments.get(0).decision()).isEqualTo("approve");
        assertThat(comments.get(0).comment()).isEqualTo("同意上报");
        assertThat(comments.get(0).author()).isEqualTo(LEADER);
        assertThat(comments.get(1).step()).isEqualTo("financeReview");
        assertThat(comments.get(1).decision()).isEqualTo("accept");
        assertThat(comments.get(1).author()).isEqualTo(FINANCE);
        assertThat(fx.reports.find(pi.getId()).orElseThrow().comments()).isEqualTo(comments);
        assertThat(fx.historicValue(pi, "reviewComments"))
                .as("no reviewComments variable, ever")
                .isNull();
        // The report that went through is the report that came in.
        assertThat(fx.reports.find(pi.getId()).orElseThrow().report()).isEqualTo(fx.sample());
    }

    @Test
    void leaderReturnNamingTwoSectionsReopensExactlyThosePrefilledWithTheComment() {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.draftAllOpen(pi);
        fx.submit(pi);
        Map<String, JsonNode> before = fx.sectionValues(pi);
        assertThat(before.values()).doesNotContainNull();

        String comment = "项目支出绩效自评表中偏差原因写得太笼统，预决算数据请与决算报表核对";
        fx.leaderReturn(pi, comment, "projects", "budget");

        BpmnAwareTests.assertThat(pi).isNotEnded().isWaitingAtExactly("draftBudget", "draftProjects");
        assertThat(fx.openTaskKeys(pi)).containsExactlyInAnyOrder("draftBudget", "draftProjects");
        assertThat(fx.stage(pi)).isEqualTo("drafting");
        // Prefilled: every section as it was before the return.
        assertThat(fx.sectionValues(pi)).isEqualTo(before);
        assertThat(fx.sectionValue(pi, "projects")).isEqualTo(fx.sample().get("projects"));
        assertThat(fx.sectionValue(pi, "budget")).isEqualTo(fx.sample().get("budget"));
        // ... and what the reopened forms show.
        // (the project list shows each project's name, 主管部门 and 实施单位; each project's own task the whole project)
        com.fasterxml.jackson.databind.node.ArrayNode listShown = fx.mapper.createArrayNode();
        before.get("projects").forEach(p -> listShown.add(ProjectListListener.identity(p)));
        assertThat(fx.formValue(fx.task(pi, "draftProjects"))).isEqualTo(listShown);
        assertThat(fx.formValue(fx.task(pi, "draftBudget"))).isEqualTo(before.get("budget"));
        // The comment is there for the reopened forms and in the history.
        String lastReturn =
                (String) BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.LAST_RETURN_COMMENT);
        assertThat(lastReturn)
                .contains(comment)
                .contains("单位负责人审核")
                .contains("退回修改")
                .contains("部门预决算情况")
                .contains("项目支出绩效自评表");
        // The review history is no process variable (nothing anyone could overwrite) ...
        assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.REVIEW_HISTORY_TEXT))
                .isNull();
        assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), "reviewComments"))
                .isNull();
        // ... but kept by the workflow in its review log.
        List<ReviewComment> comments = fx.reviewComments(pi);
        assertThat(comments).hasSize(1);
        ReviewComment entry = comments.get(0);
        assertThat(entry.step()).isEqualTo("internalReview");
        assertThat(entry.stepLabel()).isEqualTo("单位负责人审核");
        assertThat(entry.decision()).isEqualTo("return");
        assertThat(entry.decisionLabel()).isEqualTo("退回修改");
        assertThat(entry.author()).isEqualTo(LEADER);
        assertThat(entry.authorName()).isEqualTo("李局长（" + LEADER + "）");
        assertThat(entry.time()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(entry.comment()).isEqualTo(comment);
        assertThat(entry.sectionsToRevise()).containsExactly("projects", "budget");
        // Also a Camunda task comment on the review task.
        assertThat(BpmnAwareTests.taskService().getProcessInstanceComments(pi.getId()))
                .anySatisfy(c -> assertThat(c.getFullMessage()).contains(comment));
        // The reopened tasks carry the return in their own comments: the Tasklist's 历史 tab of each shows it.
        for (String reopened : List.of("draftBudget", "draftProjects")) {
            assertThat(BpmnAwareTests.taskService()
                            .getTaskComments(fx.task(pi, reopened).getId()))
                    .singleElement()
                    .satisfies(c -> assertThat(c.getFullMessage())
                            .contains(comment)
                            .contains("单位负责人审核")
                            .contains("李局长"));
        }

        // The two reopened sections done again; 提交审核 and the next review show the history (task-local).
        fx.draftAllOpen(pi);
        assertThat(historyShownOn(pi, "draftSubmit")).contains(comment).contains("单位负责人审核");
        fx.submit(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly("internalReview");
        assertThat(historyShownOn(pi, "internalReview")).contains(comment);
        assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.REVIEW_HISTORY_TEXT))
                .isNull();
        fx.leaderApprove(pi, null);
        fx.financeAccept(pi);
        fx.awaitRest(pi);
        BpmnAwareTests.assertThat(pi).isEnded();
        // The untouched drafting tasks ran once, the named ones twice.
        assertThat(completedCount(pi, "draftBasicInfo")).isEqualTo(1);
        assertThat(completedCount(pi, "draftProjects")).isEqualTo(2);
        assertThat(completedCount(pi, "draftBudget")).isEqualTo(2);
    }

    @Test
    void financeReturnReopensAllSectionsAndAnotherRoundIsAccepted() {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.leaderApprove(pi, null);
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly("financeReview");

        String comment = "整体支出绩效指标未与项目自评表衔接，请全面复核后重新报送";
        fx.financeReturn(pi, comment);

        BpmnAwareTests.assertThat(pi).isNotEnded().isWaitingAtExactly(DRAFT_TASKS.toArray(String[]::new));
        assertThat(fx.openTaskKeys(pi)).isEqualTo(ALL_DRAFTING);
        assertThat(fx.stage(pi)).isEqualTo("drafting");
        assertThat(fx.entry(pi).seenByFinance())
                .as("once received, always readable by the bureau")
                .isTrue();
        assertThat((String)
                        BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.LAST_RETURN_COMMENT))
                .contains(comment)
                .contains("财政局审核");
        List<ReviewComment> comments = fx.reviewComments(pi);
        assertThat(comments).hasSize(2);
        assertThat(comments.get(1).step()).isEqualTo("financeReview");
        assertThat(comments.get(1).decision()).isEqualTo("return");
        assertThat(comments.get(1).author()).isEqualTo(FINANCE);
        assertThat(comments.get(1).comment()).isEqualTo(comment);
        assertThat(comments.get(1).sectionsToRevise())
                .as("「全部章节」, recorded section by section")
                .containsExactly("basicInfo", "budget", "performance", "projects", "problems", "otherNotes");

        fx.draftAllOpen(pi);
        fx.submit(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly("internalReview");
        fx.leaderApprove(pi, "已按财政意见修改");
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly("financeReview");
        assertThat(historyShownOn(pi, "financeReview").split("\n")).hasSize(3);
        assertThat(historyShownOn(pi, "financeReview")).contains(comment).contains("已按财政意见修改");
        fx.financeAccept(pi);
        fx.awaitRest(pi);

        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(completedCount(pi, "financeReview")).isEqualTo(2);
        assertThat(completedCount(pi, "internalReview")).isEqualTo(2);
        for (String draft : DRAFT_TASKS) {
            assertThat(completedCount(pi, draft)).as(draft).isEqualTo(2);
        }
        assertThat(fx.reviewComments(pi))
                .extracting(ReviewComment::decision)
                .containsExactly("approve", "return", "approve", "accept");
        assertThat(fx.reports.find(pi.getId()).orElseThrow().stage()).isEqualTo("published");
    }

    @Test
    void twoLeaderReturnsInARowAreBothKeptInOrder() {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.draftAllOpen(pi);
        fx.submit(pi);

        String first = "第一次退回：请补充单位职责的表述";
        fx.leaderReturn(pi, first);
        assertThat(fx.openTaskKeys(pi)).as("no section named: all reopen").isEqualTo(ALL_DRAFTING);
        fx.draftAllOpen(pi);
        fx.submit(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly("internalReview");
        assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.LEADER_DECISION))
                .as("the previous round's decision is cleared when the review opens again")
                .isNull();

        String second = "第二次退回：问题及改进措施需要更具体";
        fx.leaderReturn(pi, second, "problems");
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProblems");

        List<ReviewComment> comments = fx.reviewComments(pi);
        assertThat(comments).hasSize(2);
        assertThat(comments).extracting(ReviewComment::comment).containsExactly(first, second);
        assertThat(comments).extracting(ReviewComment::decision).containsExactly("return", "return");
        assertThat(comments).extracting(ReviewComment::author).containsExactly(LEADER, LEADER);
        assertThat(comments.get(0).sectionsToRevise())
                .containsExactly("basicInfo", "budget", "performance", "projects", "problems", "otherNotes");
        assertThat(comments.get(1).sectionsToRevise()).containsExactly("problems");
        fx.draftAllOpen(pi);
        String history = historyShownOn(pi, "draftSubmit");
        assertThat(history.split("\n")).hasSize(2);
        assertThat(history.indexOf(first)).isNotNegative().isLessThan(history.indexOf(second));
        assertThat((String)
                        BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.LAST_RETURN_COMMENT))
                .contains(second)
                .doesNotContain(first);
    }

    private long completedCount(ProcessInstance pi, String activityId) {
        return BpmnAwareTests.historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .finished()
                .count();
    }

    /** The review history as the open task with that key shows it: a task-local variable, set when the task opened. */
    private String historyShownOn(ProcessInstance pi, String taskKey) {
        String taskId = fx.task(pi, taskKey).getId();
        Object local = fx.taskService.getVariableLocal(taskId, ProcessVariables.REVIEW_HISTORY_TEXT);
        assertThat(local).as("reviewHistoryText on %s", taskKey).isInstanceOf(String.class);
        return (String) local;
    }
}
