package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    private static final String STRONG = "Jx-Filter-Passw0rd!";
}
