package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each role sees the Tasklist filters of its own work, the one holding its work first, and no other role's. */
class TasklistFiltersHttpTest extends HttpTestSupport {

    /** The filter names a user sees, in the Tasklist's order (by the filter's priority). */
    private List<String> filtersOf(String user) {
        return filtersOfWith(basic(user, PASSWORD));
    }

    private List<String> filtersOfWith(String authorization) {
        Response r = sendAs(authorization, "GET", "/engine-rest/filter?resourceType=Task", null, null);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        List<JsonNode> filters = new ArrayList<>();
        r.json().forEach(filters::add);
        filters.sort(Comparator.comparingInt(
                f -> f.path("properties").path("priority").asInt()));
        return filters.stream().map(f -> f.path("name").asText()).toList();
    }

    @Test
    void clerksAndLeadersLandOnTheirUnitsWorkAndTheBureauOnItsOwn() {
        for (String user : List.of("clerk", "clerk2", "leader", "leader2")) {
            assertThat(filtersOf(user)).as(user).containsExactly(TasklistFilters.UNIT_TASKS, TasklistFilters.MY_TASKS);
        }
        assertThat(filtersOf("finance")).containsExactly(TasklistFilters.FINANCE_TASKS, TasklistFilters.MY_TASKS);
    }

    @Test
    void aUnitAddedLaterGetsItsFilterAtOnce() {
        String code = "FX-" + System.nanoTime() % 100000;
        Response unit = postJson("admin", "/api/units", "{\"code\":\"" + code + "\",\"name\":\"筛选测试单位" + code + "\"}");
        assertThat(unit.status()).as("%s", unit).isEqualTo(201);
        String user = "fx" + code.toLowerCase().replace("-", "");
        Response created = postJson(
                "admin",
                "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"" + user + "\",\"firstName\":\"筛选\","
                        + "\"lastName\":\"测试\"},\"credentials\":{\"password\":\"" + STRONG + "\"}}");
        assertThat(created.status()).as("%s", created).isEqualTo(204);
        Response member =
                send("admin", "PUT", "/engine-rest/group/unit-" + code + "-clerks/members/" + user, null, null);
        assertThat(member.status()).as("%s", member).isEqualTo(204);
        assertThat(filtersOfWith(basic(user, STRONG)))
                .containsExactly(TasklistFilters.UNIT_TASKS, TasklistFilters.MY_TASKS);
    }

    @Autowired
    TasklistFilters tasklistFilters;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    FilterService filterService;

    /**
     * A start grants 本单位待办 to a unit group still without it (a database of an earlier version), and leaves the
     * groups that have it as they are: one grant each, never a second.
     */
    @Test
    void aStartGrantsTheFilterOnlyToGroupsWithoutIt() throws Exception {
        String filterId = filterService
                .createFilterQuery()
                .filterName(TasklistFilters.UNIT_TASKS)
                .singleResult()
                .getId();
        String clerks = UnitGroups.clerkGroupId("430423-JYJ");
        List<Authorization> before = grantsOf(clerks, filterId);
        assertThat(before).hasSize(1);
        authorizationService.deleteAuthorization(before.get(0).getId());
        assertThat(filtersOf("clerk2")).containsExactly(TasklistFilters.MY_TASKS);
        assertThat(tasklistFilters.groupsReading(filterId))
                .doesNotContain(clerks)
                .contains(UnitGroups.leaderGroupId("430423-JYJ"), UnitGroups.clerkGroupId("430423-XZSP"));

        tasklistFilters.run(null);

        assertThat(filtersOf("clerk2")).containsExactly(TasklistFilters.UNIT_TASKS, TasklistFilters.MY_TASKS);
        assertThat(grantsOf(clerks, filterId)).hasSize(1);
        assertThat(grantsOf(UnitGroups.clerkGroupId("430423-XZSP"), filterId)).hasSize(1);
    }

    private List<Authorization> grantsOf(String groupId, String filterId) {
        return authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.FILTER)
                .resourceId(filterId)
                .groupIdIn(groupId)
                .list();
    }

    private static final String STRONG = "Jx-Filter-Passw0rd!";
}
