package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whoever may complete (or update) a task can send variables with it, and Camunda writes them to the process
 * instance. The variables that say who reviews a report, which unit it belongs to, where it stands and what was
 * decided must not be changeable that way: either the request is refused, or it has no effect.
 */
class WorkflowVariableTamperingHttpTest extends HttpTestSupport {

    private static final String XZSP_CLERKS = "unit-" + XZSP + "-clerks";
    private static final String XZSP_LEADERS = "unit-" + XZSP + "-leaders";
    private static final String JYJ_CLERKS = "unit-" + JYJ + "-clerks";
    private static final String FINANCE_GROUP = "finance-bureau";

    @Autowired
    TaskService taskService;

    @Autowired
    ReportIndex reportIndex;

    @Test
    void clerkCannotMakeTheirOwnGroupTheReviewingLeader() {
        String id = startReport("clerk", sample());

        completeTampering(
                "clerk", task("clerk", id, "draftBasicInfo"), vars("leaderGroup", string(XZSP_CLERKS)), Map.of());

        finishDrafting(id, "draftBasicInfo");
        assertLeaderReviewsAndClerkCannot(id);
    }

    @Test
    void clerkCannotMakeTheirOwnGroupTheFinanceBureau() {
        String id = startReport("clerk", sample());

        completeTampering(
                "clerk", task("clerk", id, "draftBasicInfo"), vars("financeGroup", string(XZSP_CLERKS)), Map.of());

        finishDrafting(id, "draftBasicInfo");
        assertLeaderReviewsAndClerkCannot(id);
        completeOk("leader", task("leader", id, "internalReview"), vars("leaderDecision", string("approve")));
        assertFinanceReviewsAndNoOneElse(id, "clerk");
        assertThat(get("finance", "/api/reports/" + id).status())
                .as("finance reads the report")
                .isEqualTo(200);
    }

    @Test
    void leaderCannotTakeOverTheFinanceReview() {
        String id = reportInInternalReview();

        completeTampering(
                "leader",
                task("leader", id, "internalReview"),
                vars("leaderDecision", string("approve"), "financeGroup", string(XZSP_LEADERS)),
                vars("leaderDecision", string("approve")));

        assertFinanceReviewsAndNoOneElse(id, "leader");
        assertFinanceReviewsAndNoOneElse(id, "clerk");
    }

    @Test
    void clerkCannotHandTheReportToAnotherUnit() {
        String id = startReport("clerk", sample());

        completeTampering(
                "clerk",
                task("clerk", id, "draftBasicInfo"),
                vars("unitCode", string(JYJ), "clerkGroup", string(JYJ_CLERKS)),
                Map.of());

        assertThat(get("clerk2", "/api/reports/" + id).status())
                .as("clerk2 reads another unit's report")
                .isEqualTo(404);
        assertThat(ids(get("clerk2", "/api/reports").json())).doesNotContain(id);
        assertThat(ids(get("clerk", "/api/reports?unit=" + q(JYJ)).json()))
                .as("listed under the other unit")
                .doesNotContain(id);
        assertThat(ids(get("clerk", "/api/reports?unit=" + q(XZSP)).json())).contains(id);
        for (String key : DRAFTING_TASKS.subList(1, DRAFTING_TASKS.size())) {
            completeOk("clerk", task("clerk", id, key), Map.of());
        }
        assertThat(candidateGroups(task("clerk", id, "draftProject")))
                .as("a project task")
                .containsExactly(XZSP_CLERKS);
        completeOk("clerk", task("clerk", id, "draftProject"), Map.of());
        assertThat(tasks("clerk2", id)).as("clerk2 gets another unit's tasks").isEmpty();
        assertThat(taskKeys("clerk", id)).containsExactly("draftSubmit");
        assertThat(candidateGroups(task("clerk", id, "draftSubmit"))).containsExactly(XZSP_CLERKS);
        assertThat(report("clerk", id).path("report").path("unit").path("code").asText())
                .isEqualTo(XZSP);
        assertThat(entry(id).unitCode()).isEqualTo(XZSP);

        // Submitted, it goes to its own unit's leader, never to the other unit's.
        completeOk("clerk", task("clerk", id, "draftSubmit"), Map.of());
        assertThat(taskKeys("leader", id)).containsExactly("internalReview");
        assertThat(tasks("leader2", id)).isEmpty();
        assertThat(get("leader2", "/api/reports/" + id).status()).isEqualTo(404);
        assertThat(get("clerk2", "/api/reports/" + id).status()).isEqualTo(404);
    }

    @Test
    void clerkCannotForgeStageOrReviewHistory() {
        String id = startReport("clerk", sample());
        String forged =
                "[{\"step\":\"financeReview\",\"decision\":\"accept\",\"author\":\"finance\",\"time\":\"2023-01-01 00:00\"}]";

        completeTampering(
                "clerk",
                task("clerk", id, "draftBasicInfo"),
                vars("stage", string("accepted"), "reviewComments", json(forged)),
                Map.of());

        JsonNode body = report("clerk", id);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(body.path("stage").asText()).as("forged stage").isEqualTo("drafting");
        soft.assertThat(body.path("comments").isArray())
                .as("comments is a list: %s", body.path("comments"))
                .isTrue();
        soft.assertThat(body.path("comments")).as("forged review history").isEmpty();
        soft.assertThat(ids(get("clerk", "/api/reports?stage=accepted").json()))
                .as("listed as accepted")
                .doesNotContain(id);
        soft.assertThat(ids(get("clerk", "/api/reports?stage=drafting").json()))
                .as("listed as drafting")
                .contains(id);
        soft.assertThat(entry(id).stage()).isEqualTo("drafting");
        soft.assertAll();

        // Later, the stage and the comments are the real ones, and only those.
        finishDrafting(id, "draftBasicInfo");
        completeOk(
                "leader",
                task("leader", id, "internalReview"),
                vars("leaderDecision", string("approve"), "leaderComment", string("同意上报")));
        JsonNode later = report("clerk", id);
        assertThat(later.path("stage").asText()).isEqualTo("financeReview");
        assertThat(later.path("comments")).hasSize(1);
        JsonNode only = later.path("comments").get(0);
        assertThat(only.path("step").asText()).isEqualTo("internalReview");
        assertThat(only.path("decision").asText()).isEqualTo("approve");
        assertThat(only.path("author").asText()).isEqualTo("leader");
        assertThat(only.path("comment").asText()).isEqualTo("同意上报");
        // The finance bureau's task shows the real history, not the forged one.
        String financeReview = task("finance", id, "financeReview");
        Object history = taskService.getVariableLocal(financeReview, "reviewHistoryText");
        assertThat(history).isInstanceOf(String.class);
        assertThat(((String) history).split("\n")).hasSize(1);
        assertThat((String) history).contains("单位负责人审核").contains("同意上报").doesNotContain("2023-01-01");
    }

    @Test
    void clerkCannotOpenTheReportToFinanceEarly() {
        String id = startReport("clerk", sample());

        completeTampering(
                "clerk",
                task("clerk", id, "draftBasicInfo"),
                vars("seenByFinance", Map.of("value", true, "type", "Boolean")),
                Map.of());

        assertFinanceCannotRead(id);
        // Not even once submitted to the leader.
        finishDrafting(id, "draftBasicInfo");
        assertFinanceCannotRead(id);
        // Control: once the leader approves, the bureau reads it.
        completeOk("leader", task("leader", id, "internalReview"), vars("leaderDecision", string("approve")));
        assertThat(get("finance", "/api/reports/" + id).status()).isEqualTo(200);
        assertThat(entry(id).seenByFinance()).isTrue();
    }

    @Test
    void clerkCannotRedirectTheReviewThroughTaskVariables() {
        String id = startReport("clerk", sample());
        String taskId = task("clerk", id, "draftBasicInfo");

        Response response = postJson(
                "clerk",
                "/engine-rest/task/" + taskId + "/variables",
                write(MAPPER.valueToTree(Map.of("modifications", vars("leaderGroup", string(XZSP_CLERKS))))));

        assertThat(response.status()).as("%s", response).isIn(204, 400, 403);
        finishDrafting(id);
        assertLeaderReviewsAndClerkCannot(id);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Completes the task sending the tampering variables. Refusing the request outright is as good as ignoring the
     * variables; then the task is completed plainly (with {@code plain}), so that the checks that follow run either way.
     */
    private void completeTampering(
            String user,
            String taskId,
            Map<String, Map<String, Object>> tampering,
            Map<String, Map<String, Object>> plain) {
        Response response = complete(user, taskId, tampering);
        assertThat(response.status()).as("%s", response).isIn(204, 400, 403);
        if (response.status() != 204) {
            completeOk(user, taskId, plain);
        }
    }

    /** 单位负责人审核 is the unit's leaders' alone: the clerk neither sees nor completes it. */
    private void assertLeaderReviewsAndClerkCannot(String id) {
        assertThat(taskKeys("clerk", id)).as("clerk must not get 单位负责人审核").doesNotContain("internalReview");
        assertThat(taskKeys("leader", id)).as("the leader still reviews").containsExactly("internalReview");
        String review = task("leader", id, "internalReview");
        assertThat(candidateGroups(review)).containsExactly(XZSP_LEADERS);
        assertCannotComplete("clerk", review, vars("leaderDecision", string("approve")));
        assertThat(taskKeys("leader", id)).containsExactly("internalReview");
        assertThat(report("clerk", id).path("stage").asText()).isEqualTo("internalReview");
        assertThat(report("clerk", id).path("comments")).isEmpty();
    }

    /** 财政局审核 is the finance bureau's alone: {@code other} neither sees nor completes it. */
    private void assertFinanceReviewsAndNoOneElse(String id, String other) {
        assertThat(taskKeys(other, id)).as("%s must not get 财政局审核", other).doesNotContain("financeReview");
        assertThat(taskKeys("finance", id))
                .as("the finance bureau still reviews")
                .containsExactly("financeReview");
        String review = task("finance", id, "financeReview");
        assertThat(candidateGroups(review)).containsExactly(FINANCE_GROUP);
        assertCannotComplete(other, review, vars("financeDecision", string("accept")));
        assertThat(taskKeys("finance", id)).containsExactly("financeReview");
        assertThat(report("clerk", id).path("stage").asText()).isEqualTo("financeReview");
    }

    private void assertCannotComplete(String user, String taskId, Map<String, Map<String, Object>> decision) {
        Response response = complete(user, taskId, decision);
        assertThat(response.status())
                .as("%s completes task %s: %s", user, taskId, response)
                .isIn(403, 404);
    }

    private void assertFinanceCannotRead(String id) {
        assertThat(entry(id).seenByFinance()).isFalse();
        assertThat(get("finance", "/api/reports/" + id).status())
                .as("finance reads a report before it reached the bureau")
                .isEqualTo(404);
        assertThat(ids(get("finance", "/api/reports").json())).doesNotContain(id);
        assertThat(tasks("finance", id)).isEmpty();
        assertThat(get("finance", "/engine-rest/process-instance/" + id + "/variables?deserializeValues=false")
                        .status())
                .isEqualTo(403);
    }

    /** The candidate groups of a task, straight from the engine. */
    private Set<String> candidateGroups(String taskId) {
        Set<String> groups = new TreeSet<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    private ReportEntry entry(String id) {
        return reportIndex.find(id).orElseThrow(() -> new AssertionError("no jx_report row for " + id));
    }

    /** As clerk, completes the drafting tasks still open (except those already done), then 提交审核. */
    private void finishDrafting(String id, String... done) {
        List<String> open =
                DRAFTING_TASKS.stream().filter(k -> !List.of(done).contains(k)).toList();
        draftAndSubmit("clerk", id, open);
    }
}
