package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One report from start to 已通过 over HTTP, as the demo users: clerk drafts and submits, leader returns (only the
 * named section reopens) then approves, the finance bureau sees the report only from then on, returns it (all
 * sections reopen), and after another round accepts it. Every decision ends up in the report's comments.
 */
class ReportLifecycleHttpTest extends HttpTestSupport {

    private static final String TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}";

    @Test
    void reportGoesFromDraftingToAccepted() {
        String id = startReport("clerk", sample());
        assertStage(id, "drafting");
        assertFinanceCannotSee(id);

        // Round 1: all six sections, then 提交审核.
        draftAndSubmit("clerk", id, DRAFTING_TASKS);
        assertStage(id, "internalReview");
        assertThat(taskKeys("clerk", id)).as("nothing left for clerk").isEmpty();
        assertThat(taskKeys("leader", id)).containsExactly("internalReview");
        assertFinanceCannotSee(id);

        // The leader's task, found through the REST task list.
        String review = task("leader", id, "internalReview");

        // No decision at all: refused, the task stays open.
        Response noDecision = complete("leader", review, Map.of());
        assertRefusedInChinese(noDecision, "审核结果");
        assertStillOpen("leader", review);

        // Return without a comment: refused in Chinese, the task stays open, nothing recorded.
        Response noComment = complete("leader", review, vars("leaderDecision", string("return")));
        assertRefusedInChinese(noComment, "审核意见");
        assertStillOpen("leader", review);
        assertThat(report("clerk", id).path("comments"))
                .as("a refused decision leaves no comment")
                .isEmpty();
        assertStage(id, "internalReview");

        // Return with comment, naming only 项目支出绩效自评表.
        completeOk(
                "leader",
                review,
                vars(
                        "leaderDecision", string("return"),
                        "leaderComment", string("项目绩效指标完成值请与佐证材料核对"),
                        "sectionsToRevise", json("[\"projects\"]")));
        assertStage(id, "drafting");
        assertThat(taskKeys("clerk", id))
                .as("only the named section reopens (its project list first)")
                .containsExactly("draftProjects");
        assertThat(taskKeys("leader", id)).isEmpty();
        JsonNode afterReturn = report("clerk", id).path("comments");
        assertThat(afterReturn).hasSize(1);
        assertThat(afterReturn.get(0).path("decision").asText()).isEqualTo("return");
        assertThat(afterReturn.get(0).path("sectionsToRevise").toString()).isEqualTo("[\"projects\"]");
        assertFinanceCannotSee(id);

        // Round 2: only 项目支出绩效自评表, then 提交审核; the leader approves.
        draftAndSubmit("clerk", id, List.of("draftProjects"));
        assertStage(id, "internalReview");
        assertFinanceCannotSee(id);
        completeOk("leader", task("leader", id, "internalReview"), vars("leaderDecision", string("approve")));

        // Only now the finance bureau sees the report, through /api and its task list.
        assertStage(id, "financeReview");
        JsonNode seenByFinance = report("finance", id);
        assertThat(seenByFinance.path("stage").asText()).isEqualTo("financeReview");
        assertThat(seenByFinance.path("report").path("unit").path("code").asText())
                .isEqualTo(XZSP);
        assertThat(ids(get("finance", "/api/reports").json())).contains(id);
        assertThat(taskKeys("finance", id)).containsExactly("financeReview");
        assertThat(taskKeys("leader", id)).isEmpty();
        Response financeVariables =
                get("finance", "/engine-rest/process-instance/" + id + "/variables?deserializeValues=false");
        assertThat(financeVariables.status())
                .as("finance reads the instance once it reached the bureau: %s", financeVariables)
                .isEqualTo(200);

        // The finance bureau returns it with a comment and 「全部章节」: every section reopens.
        String financeReview = task("finance", id, "financeReview");
        Response financeNoComment = complete("finance", financeReview, vars("financeDecision", string("return")));
        assertRefusedInChinese(financeNoComment, "审核意见");
        assertStillOpen("finance", financeReview);
        // Naming no section is not taken for 「全部章节」: the reviewer must say so.
        Response noSection = complete(
                "finance",
                financeReview,
                vars(
                        "financeDecision", string("return"),
                        "financeComment", string("预算执行率与决算数据不一致，请全面核对")));
        assertRefusedInChinese(noSection, "全部章节");
        assertStillOpen("finance", financeReview);
        completeOk(
                "finance",
                financeReview,
                vars(
                        "financeDecision", string("return"),
                        "financeComment", string("预算执行率与决算数据不一致，请全面核对"),
                        "sectionsToRevise", json("[\"all\"]")));
        assertStage(id, "drafting");
        assertThat(taskKeys("finance", id)).isEmpty();
        // Having once reached the bureau, the report stays readable for it.
        assertThat(report("finance", id).path("stage").asText()).isEqualTo("drafting");

        // Round 3: the round repeats; the leader approves with a comment, the finance bureau accepts.
        draftAndSubmit("clerk", id, DRAFTING_TASKS);
        assertStage(id, "internalReview");
        completeOk(
                "leader",
                task("leader", id, "internalReview"),
                vars("leaderDecision", string("approve"), "leaderComment", string("已按财政局意见修改，同意上报")));
        assertStage(id, "financeReview");
        completeOk(
                "finance",
                task("finance", id, "financeReview"),
                vars("financeDecision", string("accept"), "financeComment", string("审核通过")));

        // Accepted, then published by the asynchronous 生成并公开报告: no task left for anyone; the comments hold every
        // decision with author and time.
        assertThat(report("clerk", id).path("stage").asText()).isIn("accepted", "published");
        JsonNode accepted = awaitStage(id, "published");
        assertThat(taskKeys("clerk", id)).isEmpty();
        assertThat(taskKeys("leader", id)).isEmpty();
        assertThat(taskKeys("finance", id)).isEmpty();
        // Unchanged by drafting and reviews, empty texts ("" fields) included.
        assertThat(accepted.path("report").equals(NUMERIC, sample()))
                .as("the report is unchanged by drafting and reviews: %s", accepted.path("report"))
                .isTrue();

        JsonNode comments = accepted.path("comments");
        assertThat(comments.isArray()).isTrue();
        List<String> decisions = new ArrayList<>();
        for (JsonNode c : comments) {
            decisions.add(c.path("step").asText() + ":" + c.path("decision").asText() + ":"
                    + c.path("author").asText());
            assertThat(c.path("time").asText()).as("time of %s", c).matches(TIME);
            assertThat(c.path("authorName").asText())
                    .as("author name of %s", c)
                    .contains(c.path("author").asText());
            assertThat(hasChinese(c.path("decisionLabel").asText()))
                    .as("decision label of %s", c)
                    .isTrue();
        }
        assertThat(decisions)
                .containsExactly(
                        "internalReview:return:leader",
                        "internalReview:approve:leader",
                        "financeReview:return:finance",
                        "internalReview:approve:leader",
                        "financeReview:accept:finance");
        assertThat(comments.get(0).path("comment").asText()).isEqualTo("项目绩效指标完成值请与佐证材料核对");
        assertThat(comments.get(2).path("comment").asText()).isEqualTo("预算执行率与决算数据不一致，请全面核对");
        assertThat(comments.get(3).path("comment").asText()).isEqualTo("已按财政局意见修改，同意上报");

        // The ended report is still listed, under its final stage.
        JsonNode listed = get("clerk", "/api/reports?stage=published").json();
        assertThat(ids(listed)).contains(id);
        assertThat(ids(get("clerk", "/api/reports?stage=accepted").json())).doesNotContain(id);
    }

    /** The report once it reached the stage (the publication job runs in the background), as clerk reads it. */
    private JsonNode awaitStage(String id, String stage) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        JsonNode body = report("clerk", id);
        while (!stage.equals(body.path("stage").asText()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            body = report("clerk", id);
        }
        assertThat(body.path("stage").asText()).as("stage of %s", id).isEqualTo(stage);
        return body;
    }

    /**
     * A return of 项目支出绩效自评表 naming one project (the review form's 需修改的项目): only that project's task
     * reopens, without the list; a name that is no project of the report is refused in Chinese.
     */
    @Test
    void aReturnNamingOneProjectReopensThatProjectAlone() {
        ObjectNode report = sample();
        ObjectNode second = report.get("projects").get(0).deepCopy();
        second.put("name", "大综窗标准化改革（二期）");
        ((ArrayNode) report.get("projects")).add(second);
        String id = startReport("clerk", report);
        draftAndSubmit("clerk", id, DRAFTING_TASKS);
        String review = task("leader", id, "internalReview");

        Response unknown = complete(
                "leader",
                review,
                vars(
                        "leaderDecision", string("return"),
                        "leaderComment", string("二期项目的绩效指标请核对"),
                        "sectionsToRevise", json("[\"projects\"]"),
                        "projectsToRevise", json("[\"没有这个项目\"]")));
        assertRefusedInChinese(unknown, "需修改的项目");
        assertStillOpen("leader", review);

        completeOk(
                "leader",
                review,
                vars(
                        "leaderDecision", string("return"),
                        "leaderComment", string("二期项目的绩效指标请核对"),
                        "sectionsToRevise", json("[\"projects\"]"),
                        "projectsToRevise", json("[\"大综窗标准化改革（二期）\"]")));
        assertStage(id, "drafting");
        assertThat(tasks("clerk", id)).extracting(t -> t.path("name").asText()).containsExactly("填写项目自评表：大综窗标准化改革（二期）");
        assertThat(report("clerk", id).path("comments").get(0).path("comment").asText())
                .contains("二期项目的绩效指标请核对")
                .contains("需修改的项目：大综窗标准化改革（二期）");
        draftAndSubmit("clerk", id, List.of("draftProject"));
        assertStage(id, "internalReview");
    }

    private void assertStage(String id, String stage) {
        assertThat(report("clerk", id).path("stage").asText())
                .as("stage of %s", id)
                .isEqualTo(stage);
    }

    /** Before the leader first approves, the finance bureau gets 404 and sees neither the report nor its tasks. */
    private void assertFinanceCannotSee(String id) {
        Response response = get("finance", "/api/reports/" + id);
        assertThat(response.status())
                .as("finance reads %s before approval: %s", id, response)
                .isEqualTo(404);
        assertThat(response.body()).doesNotContain(XZSP_NAME, "179.2");
        assertThat(ids(get("finance", "/api/reports").json())).doesNotContain(id);
        assertThat(tasks("finance", id)).isEmpty();
        Response history = get(
                "finance", "/engine-rest/history/variable-instance?deserializeValues=false&processInstanceId=" + q(id));
        assertThat(history.status()).as("%s", history).isEqualTo(200);
        assertThat(history.json())
                .as("finance reads the report's history early: %s", history)
                .isEmpty();
        assertThat(get("finance", "/engine-rest/process-instance/" + id + "/variables?deserializeValues=false")
                        .status())
                .isEqualTo(403);
    }

    private void assertRefusedInChinese(Response response, String expectedFragment) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        String message = response.json().path("message").asText();
        assertThat(hasChinese(message))
                .as("Chinese message in %s", response.body())
                .isTrue();
        assertThat(message).contains(expectedFragment);
    }

    private void assertStillOpen(String user, String taskId) {
        Response task = get(user, "/engine-rest/task/" + taskId);
        assertThat(task.status()).as("task %s still open: %s", taskId, task).isEqualTo(200);
    }
}
