package cn.jixiao.workflow;

import static cn.jixiao.workflow.WorkflowFixture.CLERK;
import static cn.jixiao.workflow.WorkflowFixture.DRAFT_TASKS;
import static cn.jixiao.workflow.WorkflowFixture.FINANCE;
import static cn.jixiao.workflow.WorkflowFixture.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/** The ways a report travels: straight through, returned by the leader (named sections or all), returned by finance. */
class ReviewPathsTest extends InMemoryWorkflowTest {

  private static final Set<String> ALL_DRAFTING = new TreeSet<>(DRAFT_TASKS);

  @Test
  void draftedSubmittedApprovedAcceptedEndsAccepted() {
    ProcessInstance pi = fx.startSample(CLERK);
    BpmnAwareTests.assertThat(pi).isStarted().isNotEnded()
        .hasBusinessKey("430423-XZSP-2022")
        .isWaitingAtExactly(DRAFT_TASKS.toArray(String[]::new));
    assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.STAGE)).isEqualTo("drafting");

    fx.draftAllOpen(pi);
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly("draftSubmit");
    fx.submit(pi);
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly("internalReview");
    assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.STAGE)).isEqualTo("internalReview");
    fx.leaderApprove(pi, "同意上报");
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly("financeReview");
    assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.STAGE)).isEqualTo("financeReview");
    fx.financeAccept(pi);

    BpmnAwareTests.assertThat(pi).isEnded()
        .hasPassed(DRAFT_TASKS.toArray(String[]::new))
        .hasPassedInOrder("reportStarted", "draftingOpened", "openSections", "sectionsDone", "draftSubmit",
            "internalReview", "leaderDecided", "financeReview", "financeDecided", "reportAccepted");
    assertThat(BpmnAwareTests.historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("reportAccepted").finished().count()).as("ended at 已通过").isEqualTo(1);
    assertThat(fx.historicValue(pi, ProcessVariables.STAGE)).isEqualTo("accepted");
    assertThat(fx.reports.find(pi.getId()).orElseThrow().stage()).isEqualTo("accepted");

    JsonNode comments = fx.reviewComments(pi);
    assertThat(comments).hasSize(2);
    assertThat(comments.get(0).path("step").asText()).isEqualTo("internalReview");
    assertThat(comments.get(0).path("decision").asText()).isEqualTo("approve");
    assertThat(comments.get(0).path("comment").asText()).isEqualTo("同意上报");
    assertThat(comments.get(1).path("step").asText()).isEqualTo("financeReview");
    assertThat(comments.get(1).path("decision").asText()).isEqualTo("accept");
    assertThat(comments.get(1).path("author").asText()).isEqualTo(FINANCE);
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
    assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.STAGE)).isEqualTo("drafting");
    // Prefilled: every section as it was before the return.
    assertThat(fx.sectionValues(pi)).isEqualTo(before);
    assertThat(fx.sectionValue(pi, "projects")).isEqualTo(fx.sample().get("projects"));
    assertThat(fx.sectionValue(pi, "budget")).isEqualTo(fx.sample().get("budget"));
    // The comment is there for the reopened forms and in the history.
    String lastReturn = (String) BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.LAST_RETURN_COMMENT);
    assertThat(lastReturn).contains(comment).contains("单位负责人审核").contains("退回修改")
        .contains("部门预决算情况").contains("项目支出绩效自评表");
    assertThat((String) BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.REVIEW_HISTORY_TEXT))
        .contains(comment);
    Object storedComments = BpmnAwareTests.runtimeService().getVariableTyped(pi.getId(), ProcessVariables.REVIEW_COMMENTS);
    assertThat(storedComments).as("reviewComments is a Json variable").isInstanceOf(JsonValue.class);
    JsonNode comments = fx.reviewComments(pi);
    assertThat(comments).hasSize(1);
    JsonNode entry = comments.get(0);
    assertThat(entry.path("step").asText()).isEqualTo("internalReview");
    assertThat(entry.path("stepLabel").asText()).isEqualTo("单位负责人审核");
    assertThat(entry.path("decision").asText()).isEqualTo("return");
    assertThat(entry.path("decisionLabel").asText()).isEqualTo("退回修改");
    assertThat(entry.path("author").asText()).isEqualTo(LEADER);
    assertThat(entry.path("authorName").asText()).isEqualTo("李局长（" + LEADER + "）");
    assertThat(entry.path("time").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(entry.path("comment").asText()).isEqualTo(comment);
    assertThat(texts(entry.path("sectionsToRevise"))).containsExactly("projects", "budget");
    // Also a Camunda task comment on the review task.
    assertThat(BpmnAwareTests.taskService().getProcessInstanceComments(pi.getId()))
        .anySatisfy(c -> assertThat(c.getFullMessage()).contains(comment));

    // The two reopened sections done again, the report goes round to review and through.
    fx.draftAllOpen(pi);
    fx.submit(pi);
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly("internalReview");
    fx.leaderApprove(pi, null);
    fx.financeAccept(pi);
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
    assertThat(BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.STAGE)).isEqualTo("drafting");
    assertThat((String) BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.LAST_RETURN_COMMENT))
        .contains(comment).contains("财政局审核");
    JsonNode comments = fx.reviewComments(pi);
    assertThat(comments).hasSize(2);
    assertThat(comments.get(1).path("step").asText()).isEqualTo("financeReview");
    assertThat(comments.get(1).path("decision").asText()).isEqualTo("return");
    assertThat(comments.get(1).path("author").asText()).isEqualTo(FINANCE);
    assertThat(comments.get(1).path("comment").asText()).isEqualTo(comment);
    assertThat(comments.get(1).path("sectionsToRevise")).isEmpty();

    fx.draftAllOpen(pi);
    fx.submit(pi);
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly("internalReview");
    fx.leaderApprove(pi, "已按财政意见修改");
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly("financeReview");
    fx.financeAccept(pi);

    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(completedCount(pi, "financeReview")).isEqualTo(2);
    assertThat(completedCount(pi, "internalReview")).isEqualTo(2);
    for (String draft : DRAFT_TASKS) {
      assertThat(completedCount(pi, draft)).as(draft).isEqualTo(2);
    }
    assertThat(texts(fx.reviewComments(pi), "decision")).containsExactly("approve", "return", "approve", "accept");
    assertThat(fx.reports.find(pi.getId()).orElseThrow().stage()).isEqualTo("accepted");
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
        .as("the previous round's decision is cleared when the review opens again").isNull();

    String second = "第二次退回：问题及改进措施需要更具体";
    fx.leaderReturn(pi, second, "problems");
    assertThat(fx.openTaskKeys(pi)).containsExactly("draftProblems");

    JsonNode comments = fx.reviewComments(pi);
    assertThat(comments).hasSize(2);
    assertThat(texts(comments, "comment")).containsExactly(first, second);
    assertThat(texts(comments, "decision")).containsExactly("return", "return");
    assertThat(texts(comments, "author")).containsExactly(LEADER, LEADER);
    assertThat(comments.get(0).path("sectionsToRevise")).isEmpty();
    assertThat(texts(comments.get(1).path("sectionsToRevise"))).containsExactly("problems");
    String history = (String) BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.REVIEW_HISTORY_TEXT);
    assertThat(history.split("\n")).hasSize(2);
    assertThat(history.indexOf(first)).isNotNegative().isLessThan(history.indexOf(second));
    assertThat((String) BpmnAwareTests.runtimeService().getVariable(pi.getId(), ProcessVariables.LAST_RETURN_COMMENT))
        .contains(second).doesNotContain(first);
  }

  private long completedCount(ProcessInstance pi, String activityId) {
    return BpmnAwareTests.historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(activityId).finished().count();
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> texts(JsonNode array, String field) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
  }
}
