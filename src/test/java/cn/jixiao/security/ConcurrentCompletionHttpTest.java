package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;

/**
 * Two completions of the same 单位负责人审核 fired at the same instant (a CyclicBarrier releases both requests): one
 * wins, the other is refused, and the decision is applied once — one entry in the review log, one 财政局审核 task.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentCompletionHttpTest extends HttpTestSupport {

    private static final String API_APPROVE =
            "{\"variables\":{\"leaderDecision\":\"approve\",\"leaderComment\":\"同意上报\"}}";

    private ExecutorService pool;

    @BeforeAll
    void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    void stopPool() {
        pool.shutdownNow();
    }

    /** The loser gets 409 with a Chinese message, also when the winner commits between its lookup and its check. */
    @RepeatedTest(10)
    void theSameLeaderTwiceThroughTheApiTheLoserGets409() {
        String id = reportInInternalReview(XZSP);
        String taskId = task("leader", id, "internalReview");

        List<Response> answers = race(
                taskId,
                "leader",
                "leader",
                (user, task) -> postJson(user, "/api/tasks/" + task + "/complete", API_APPROVE));

        assertThat(answers).extracting(Response::status).as("%s", answers).containsExactly(204, 409);
        Response loser = answers.get(1);
        assertThat(hasChinese(loser.json().path("message").asText()))
                .as("%s", loser)
                .isTrue();
        assertThat(loser.json().path("message").asText()).as("%s", loser).contains("他人");
        assertNoStackTrace(loser);
        assertDecidedOnce(id, "leader");
    }

    /** The decision is applied exactly once. */
    @RepeatedTest(3)
    void theSameLeaderTwiceThroughTheApiDecidesOnce() {
        String id = reportInInternalReview(XZSP);
        String taskId = task("leader", id, "internalReview");

        List<Response> answers = race(
                taskId,
                "leader",
                "leader",
                (user, task) -> postJson(user, "/api/tasks/" + task + "/complete", API_APPROVE));

        assertThat(answers.get(0).status()).as("%s", answers).isEqualTo(204);
        Response loser = answers.get(1);
        assertThat(loser.status()).as("the loser is refused: %s", answers).isEqualTo(409);
        assertThat(hasChinese(loser.json().path("message").asText()))
                .as("%s", loser)
                .isTrue();
        assertNoStackTrace(loser);
        assertDecidedOnce(id, "leader");
    }

    @RepeatedTest(2)
    void theLeaderAndTheAdministratorThroughTheApiDecideOnce() {
        String id = reportInInternalReview(XZSP);
        String taskId = task("leader", id, "internalReview");

        List<Response> answers = race(
                taskId,
                "leader",
                "admin",
                (user, task) -> postJson(user, "/api/tasks/" + task + "/complete", API_APPROVE));

        assertThat(answers.get(0).status()).as("%s", answers).isEqualTo(204);
        assertThat(answers.get(1).status())
                .as("the loser is refused: %s", answers)
                .isEqualTo(409);
        assertThat(hasChinese(answers.get(1).json().path("message").asText())).isTrue();
        assertDecidedOnce(id, null);
    }

    @RepeatedTest(3)
    void theSameLeaderTwiceThroughTheEngineRestApi() {
        String id = reportInInternalReview(XZSP);
        String taskId = task("leader", id, "internalReview");

        List<Response> answers = race(
                taskId,
                "leader",
                "leader",
                (user, task) -> complete(
                        user, task, vars("leaderDecision", string("approve"), "leaderComment", string("同意上报"))));

        assertThat(answers.get(0).status()).as("%s", answers).isEqualTo(204);
        assertThat(answers.get(1).status())
                .as("the loser is refused: %s", answers)
                .isEqualTo(409);
        assertThat(answers.get(1).json().path("message").asText())
                .as("%s", answers)
                .contains("他人");
        assertNoStackTrace(answers.get(1));
        assertDecidedOnce(id, "leader");
    }

    /**
     * Fires both requests at once and returns the two answers, the success (lowest status) first. The task is the same
     * for both; if one request arrived only after the other had finished, that is still a race lost, which is exactly
     * the case the 409 is for.
     */
    private List<Response> race(String taskId, String first, String second, BiFunction<String, String, Response> call) {
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<Response>> futures = new ArrayList<>();
        for (String user : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                return call.apply(user, taskId);
            }));
        }
        List<Response> answers = new ArrayList<>();
        for (Future<Response> future : futures) {
            try {
                answers.add(future.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new AssertionError("a racing request failed", e);
            }
        }
        answers.sort(Comparator.comparingInt(Response::status));
        return answers;
    }

    /** One decision in the review log and in Camunda's comments, and the report moved on exactly once. */
    private void assertDecidedOnce(String id, String author) {
        JsonNode comments = report("clerk", id).path("comments");
        assertThat(comments).as("review log of %s", id).hasSize(1);
        assertThat(comments.get(0).path("decision").asText()).isEqualTo("approve");
        if (author != null) {
            assertThat(comments.get(0).path("author").asText()).isEqualTo(author);
        }
        assertThat(report("clerk", id).path("stage").asText()).isEqualTo("financeReview");
        assertThat(taskKeys("finance", id)).containsExactly("financeReview");
        assertThat(tasks("admin", id)).as("open tasks of %s", id).hasSize(1);
        List<JsonNode> reviews = new ArrayList<>();
        get("admin", "/engine-rest/history/task?processInstanceId=" + q(id) + "&taskDefinitionKey=internalReview")
                .json()
                .forEach(reviews::add);
        assertThat(reviews).hasSize(1);
        Response taskComments =
                get("leader", "/engine-rest/task/" + reviews.get(0).path("id").asText() + "/comment");
        assertThat(taskComments.json())
                .as("Camunda comments on the review task")
                .hasSize(1);
        Response operations = get(
                "admin",
                "/engine-rest/history/user-operation?taskId="
                        + q(reviews.get(0).path("id").asText()) + "&operationType=Complete");
        assertThat(operations.json())
                .as("completions in the user operation log")
                .hasSize(1);
    }
}
