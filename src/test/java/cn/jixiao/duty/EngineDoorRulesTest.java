package cn.jixiao.duty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineDoorRulesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EngineDoorRules.Caller CLERK = new EngineDoorRules.Caller("clerk", () -> false);
    private static final EngineDoorRules.Caller ADMIN = new EngineDoorRules.Caller("admin", () -> true);
    private static final Map<String, String> TASKS = Map.of(
            "t-draft",
            "draftBudget",
            "t-submit",
            "draftSubmit",
            "t-leader",
            "internalReview",
            "t-finance",
            "financeReview",
            "t-other",
            "someOtherProcessTask");

    private static Optional<EngineDoorRules.Refusal> judge(
            EngineDoorRules.Caller caller, String method, String path, String body) {
        JsonNode json = null;
        boolean unreadable = false;
        if (body != null) {
            try {
                json = MAPPER.readTree(body);
            } catch (Exception e) {
                unreadable = true;
            }
        }
        return EngineDoorRules.judge(
                new EngineDoorRules.Call(method, path, json, unreadable),
                caller,
                id -> Optional.ofNullable(TASKS.get(id)));
    }

    @Test
    void startInstructionsAndSkippingListenersAreRefused() {
        String[] bodies = {
            "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"publishReport\"}]}",
            "{\"skipCustomListeners\":true}",
            "{\"skipIoMappings\":\"true\"}",
            "{\"startInstructions\":{\"type\":\"startBeforeActivity\"}}"
        };
        for (String path : new String[] {
            "process-definition/key/selfEvaluationReport/start",
            "process-definition/key/selfEvaluationReport/submit-form",
            "process-definition/abc:1:2/start",
            "process-definition/key/selfEvaluationReport/tenant-id/t1/start"
        }) {
            for (String body : bodies) {
                assertThat(judge(CLERK, "POST", path, body))
                        .as("%s %s", path, body)
                        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(403));
                assertThat(judge(ADMIN, "POST", path, body))
                        .as("admin may repair: %s", body)
                        .isEmpty();
            }
        }
    }

    @Test
    void aPlainStartWithTheHeaderAndSectionsPasses() {
        String body =
                "{\"variables\":{\"fiscalYear\":{\"value\":2023},\"unitCode\":{\"value\":\"X\"},\"budget\":{\"value\":\"{}\"}},"
                        + "\"startInstructions\":[],\"skipCustomListeners\":false,\"businessKey\":\"x\"}";
        assertThat(judge(CLERK, "POST", "process-definition/key/selfEvaluationReport/start", body))
                .isEmpty();
        assertThat(judge(CLERK, "POST", "process-definition/key/selfEvaluationReport/submit-form", "{}"))
                .isEmpty();
    }

    @Test
    void startVariablesBeyondHeaderAndSectionsAreRefusedByName() {
        Optional<EngineDoorRules.Refusal> refusal = judge(
                CLERK,
                "POST",
                "process-definition/key/selfEvaluationReport/start",
                "{\"variables\":{\"fiscalYear\":{\"value\":2023},\"evaluation\":{\"value\":\"{}\"},\"reviewHistoryText\":{\"value\":\"x\"}}}");
        assertThat(refusal).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.message()).contains("evaluation", "reviewHistoryText").doesNotContain("fiscalYear」");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "POST, task/t1/identity-links",
        "POST, task/t1/identity-links/delete",
        "POST, task/t1/assignee",
        "POST, task/t1/delegate",
        "POST, task/t1/resolve",
        "POST, task/t1/bpmnError",
        "POST, task/t1/bpmnEscalation",
        "POST, task/t1/variables",
        "PUT, task/t1/variables/budget",
        "DELETE, task/t1/variables/budget",
        "POST, task/t1/localVariables",
        "PUT, task/t1",
        "DELETE, task/t1",
        "POST, task/create",
        "POST, process-instance/p1/modification",
        "POST, process-instance/p1/modification-async",
        "POST, process-instance/p1/variables",
        "PUT, process-instance/p1/suspended",
        "DELETE, process-instance/p1",
        "POST, process-definition/d1/restart",
        "POST, migration/execute",
        "POST, modification/execute",
        "POST, message",
        "POST, signal",
        "POST, condition",
        "POST, execution/e1/signal",
        "POST, deployment/create",
        "DELETE, user/clerk",
        "POST, user/create",
        "POST, authorization/create",
        "POST, group/create",
        "POST, filter/create",
        "POST, identity/verify",
        "POST, history/cleanup",
        "POST, history/process-instance/delete",
        "PUT, job/j1/retries"
    })
    void everyOtherChangeIsForAdministratorsOnly(String method, String path) {
        assertThat(judge(CLERK, method, path, "{}")).as("%s %s", method, path).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.message()).contains("管理员");
        });
        assertThat(judge(ADMIN, method, path, "{}")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "POST, task",
        "POST, task/count",
        "POST, task/t-draft/unclaim",
        "POST, task/t-draft/comment/create",
        "POST, filter/f1/list",
        "POST, filter/f1/count",
        "POST, process-instance",
        "POST, history/task",
        "POST, history/process-instance/count",
        "PUT, user/clerk/profile",
        "PUT, user/clerk/credentials",
        "POST, identity/password-policy",
        "GET, task/t1",
        "GET, process-definition/key/selfEvaluationReport/startForm"
    })
    void whatTheTasklistNeedsStaysOpen(String method, String path) {
        assertThat(judge(CLERK, method, path, "{}")).as("%s %s", method, path).isEmpty();
    }

    @Test
    void onlyOnesOwnAccount() {
        assertThat(judge(CLERK, "PUT", "user/clerk2/profile", "{}"))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(403));
        assertThat(judge(CLERK, "PUT", "user/leader/credentials", "{}"))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(403));
    }

    @ParameterizedTest
    @CsvSource({
        "process-definition/statistics",
        "process-definition/d1/statistics",
        "process-definition/key/selfEvaluationReport/statistics",
        "history/process-definition/d1/statistics",
        "history/process-instance/report",
        "task/report/candidate-group-count"
    })
    void statisticsOverEveryUnitAreForAdministrators(String path) {
        assertThat(judge(CLERK, "GET", path, null))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(403));
        assertThat(judge(ADMIN, "GET", path, null)).isEmpty();
    }

    @Test
    void claimingIsForOneself() {
        assertThat(judge(CLERK, "POST", "task/t-draft/claim", "{\"userId\":\"clerk\"}"))
                .isEmpty();
        assertThat(judge(CLERK, "POST", "task/t-draft/claim", "{\"userId\":\"clerk2\"}"))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(403));
    }

    @Test
    void eachTaskTakesOnlyItsOwnVariables() {
        assertThat(judge(CLERK, "POST", "task/t-draft/complete", "{\"variables\":{\"budget\":{\"value\":\"{}\"}}}"))
                .isEmpty();
        assertThat(judge(CLERK, "POST", "task/t-draft/submit-form", "{\"variables\":{\"budget\":{},\"problems\":{}}}"))
                .hasValueSatisfying(r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.message()).contains("「problems」", "填写部门预决算情况").doesNotContain("「budget」」");
                });
        assertThat(judge(
                        CLERK,
                        "POST",
                        "task/t-submit/complete",
                        "{\"variables\":{\"reviewHistoryText\":{\"value\":\"伪造\"}}}"))
                .hasValueSatisfying(r -> assertThat(r.message()).contains("reviewHistoryText", "无需填写"));
        assertThat(
                        judge(
                                CLERK,
                                "POST",
                                "task/t-leader/complete",
                                "{\"variables\":{\"leaderDecision\":{\"value\":\"approve\"},\"leaderComment\":{\"value\":\"同意\"},\"sectionsToRevise\":{\"value\":\"[]\"}}}"))
                .isEmpty();
        assertThat(
                        judge(
                                CLERK,
                                "POST",
                                "task/t-leader/complete",
                                "{\"variables\":{\"leaderDecision\":{\"value\":\"approve\"},\"otherNotes\":{\"value\":\"改写\"}}}"))
                .hasValueSatisfying(r -> assertThat(r.message()).contains("otherNotes", "单位负责人审核"));
        assertThat(
                        judge(
                                CLERK,
                                "POST",
                                "task/t-finance/complete",
                                "{\"variables\":{\"financeDecision\":{\"value\":\"accept\"},\"unit\":{\"value\":\"{}\"},\"problems\":{\"value\":\"{}\"}}}"))
                .hasValueSatisfying(r -> assertThat(r.message()).contains("「unit」", "「problems」"));
        assertThat(judge(CLERK, "POST", "task/unknown/complete", "{\"variables\":{\"anything\":{}}}"))
                .as("an unknown task is Camunda's to answer")
                .isEmpty();
        assertThat(
                        judge(
                                ADMIN,
                                "POST",
                                "task/t-leader/complete",
                                "{\"variables\":{\"leaderDecision\":{\"value\":\"approve\"},\"evaluation\":{\"value\":\"{}\"}}}"))
                .as("administrators too complete a task with its own variables only")
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void aCheckedBodyThatIsNotJsonIsRefused() {
        assertThat(judge(CLERK, "POST", "task/t-draft/complete", "{not json"))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(400));
        assertThat(judge(CLERK, "POST", "process-definition/key/selfEvaluationReport/start", "[1,"))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(400));
    }
}
