package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A new unit comes in without a code change: the administrator registers it (POST /api/units), adds a person to its
 * clerk group in Camunda (here through /engine-rest, as Camunda Admin does), and that person works for the unit at
 * once; removed from the group, they lose everything of it at once.
 */
class UnitOnboardingHttpTest extends HttpTestSupport {

    private static final String NEW_PASSWORD = "Jx-Onboard-Passw0rd!";

    @Test
    void anAdministratorOnboardsAUnitAndItsClerkWhoLosesAccessWhenRemoved() {
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String code = "430423-T" + n;
        String name = "衡山县测试局" + n;
        String clerkGroup = "unit-" + code + "-clerks";
        String leaderGroup = "unit-" + code + "-leaders";
        String newClerk = "onboard" + n;

        // Only an administrator registers units.
        String unitJson = "{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}";
        for (String user : List.of("clerk", "leader", "finance")) {
            Response refused = postJson(user, "/api/units", unitJson);
            assertThat(refused.status())
                    .as("%s registers a unit: %s", user, refused)
                    .isEqualTo(403);
            assertThat(hasChinese(refused.json().path("message").asText())).isTrue();
        }
        assertThat(postJson(null, "/api/units", unitJson).status()).isEqualTo(401);
        assertThat(get("admin", "/api/units").body()).doesNotContain(code);

        Response created = postJson("admin", "/api/units", unitJson);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().path("code").asText()).isEqualTo(code);
        assertThat(created.json().path("name").asText()).isEqualTo(name);
        assertThat(created.json().path("clerkGroup").asText()).isEqualTo(clerkGroup);
        assertThat(created.json().path("leaderGroup").asText()).isEqualTo(leaderGroup);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/units/" + code);
        // Its groups exist in Camunda, for Camunda Admin to add people to.
        assertThat(get("admin", "/engine-rest/group/" + clerkGroup).status()).isEqualTo(200);
        assertThat(get("admin", "/engine-rest/group/" + leaderGroup).status()).isEqualTo(200);

        // A new person, with a password the password policy accepts, made a clerk of the unit.
        Response user = postJson(
                "admin",
                "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"" + newClerk
                        + "\",\"firstName\":\"新\",\"lastName\":\"经办人\",\"email\":\"" + newClerk + "@example.cn\"},"
                        + "\"credentials\":{\"password\":\"" + NEW_PASSWORD + "\"}}");
        assertThat(user.status()).as("create user: %s", user).isEqualTo(204);
        // A clerk cannot add people to groups, not even to their own unit's.
        assertThat(send("clerk", "PUT", "/engine-rest/group/" + clerkGroup + "/members/" + newClerk, null, null)
                        .status())
                .isEqualTo(403);
        Response member = send("admin", "PUT", "/engine-rest/group/" + clerkGroup + "/members/" + newClerk, null, null);
        assertThat(member.status()).as("add member: %s", member).isEqualTo(204);

        // The new clerk starts a report of the new unit and drafts a section.
        String id = startReportAs(newClerk, reportOf(code, name));
        JsonNode own = getAs(newClerk, "/api/reports/" + id).json();
        assertThat(own.path("report").path("unit").path("code").asText()).isEqualTo(code);
        List<String> draftTasks = taskIdsAs(newClerk, id);
        assertThat(draftTasks).hasSize(6);
        Response drafted = sendAs(
                basic(newClerk, NEW_PASSWORD),
                "POST",
                "/api/tasks/" + draftTasks.get(0) + "/complete",
                "{}",
                "application/json");
        assertThat(drafted.status()).as("complete a drafting task: %s", drafted).isEqualTo(204);
        Response draftedRest = sendAs(
                basic(newClerk, NEW_PASSWORD),
                "POST",
                "/engine-rest/task/" + draftTasks.get(1) + "/complete",
                "{}",
                "application/json");
        assertThat(draftedRest.status())
                .as("complete a drafting task through the engine: %s", draftedRest)
                .isEqualTo(204);
        // Nothing of the other units, though.
        assertThat(getAs(newClerk, "/api/reports").json())
                .allSatisfy(r -> assertThat(r.path("unitCode").asText()).isEqualTo(code));
        Response otherUnit = postJsonAs(newClerk, "/api/reports", write(sample()));
        assertThat(otherUnit.status()).as("start for XZSP: %s", otherUnit).isEqualTo(403);
        // Nor does another unit see the new one's report.
        assertThat(get("clerk", "/api/reports/" + id).status()).isEqualTo(404);

        // Removed from the group: at once nothing of the unit any more.
        Response removed =
                send("admin", "DELETE", "/engine-rest/group/" + clerkGroup + "/members/" + newClerk, null, null);
        assertThat(removed.status()).as("remove member: %s", removed).isEqualTo(204);

        long before = reportCount();
        Response start = postJsonAs(newClerk, "/api/reports", write(reportOf(code, name)));
        assertThat(start.status()).as("start after removal: %s", start).isEqualTo(403);
        Response startRest = postJsonAs(
                newClerk,
                "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start",
                "{\"variables\":{\"unitCode\":{\"value\":\"" + code + "\",\"type\":\"String\"},"
                        + "\"fiscalYear\":{\"value\":2023,\"type\":\"Integer\"}}}");
        // 404: without any group the user cannot even see the process definition any more.
        assertThat(startRest.status())
                .as("start through the engine after removal: %s", startRest)
                .isIn(403, 404);
        assertThat(startRest.body()).doesNotContain(name);
        assertThat(reportCount()).as("nothing started").isEqualTo(before);

        Response read = getAs(newClerk, "/api/reports/" + id);
        assertThat(read.status()).as("read after removal: %s", read).isEqualTo(404);
        assertThat(read.body()).doesNotContain(name, "179.2");
        assertThat(getAs(newClerk, "/api/reports/" + id + "/document").status()).isEqualTo(404);
        assertThat(getAs(newClerk, "/api/reports").json()).isEmpty();
        assertThat(getAs(newClerk, "/engine-rest/task?processInstanceId=" + q(id))
                        .json())
                .isEmpty();
        assertThat(getAs(newClerk, "/engine-rest/process-instance/" + id + "/variables")
                        .status())
                .isEqualTo(403);
        assertThat(getAs(newClerk, "/engine-rest/history/variable-instance?processInstanceId=" + q(id))
                        .json())
                .isEmpty();

        String open = draftTasks.get(2);
        Response complete = sendAs(
                basic(newClerk, NEW_PASSWORD), "POST", "/api/tasks/" + open + "/complete", "{}", "application/json");
        assertThat(complete.status())
                .as("complete through /api after removal: %s", complete)
                .isIn(403, 404);
        Response completeRest = sendAs(
                basic(newClerk, NEW_PASSWORD),
                "POST",
                "/engine-rest/task/" + open + "/complete",
                "{}",
                "application/json");
        assertThat(completeRest.status())
                .as("complete through the engine after removal: %s", completeRest)
                .isIn(403, 404);
        assertThat(completeRest.body()).doesNotContain(name, "179.2");
        // The task is still open, for the unit's next clerk.
        assertThat(get("admin", "/engine-rest/task/" + open).status()).isEqualTo(200);
    }

    private static ObjectNode reportOf(String code, String name) {
        return sampleOf(code, name);
    }

    private Response getAs(String user, String path) {
        return sendAs(basic(user, NEW_PASSWORD), "GET", path, null, null);
    }

    private Response postJsonAs(String user, String path, String json) {
        return sendAs(basic(user, NEW_PASSWORD), "POST", path, json, "application/json");
    }

    private String startReportAs(String user, ObjectNode report) {
        Response response = postJsonAs(user, "/api/reports", write(report));
        assertThat(response.status())
                .as("POST /api/reports as %s: %s", user, response)
                .isEqualTo(201);
        return response.json().path("id").asText();
    }

    private List<String> taskIdsAs(String user, String id) {
        Response response = getAs(user, "/engine-rest/task?processInstanceId=" + q(id));
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        response.json().forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }
}
