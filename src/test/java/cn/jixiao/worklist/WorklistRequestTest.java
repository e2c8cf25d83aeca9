package cn.jixiao.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which list requests the shortcut takes, and the page and order it reads from them. */
class WorklistRequestTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void theTasklistsPagingIsTakenWithTheTaskIdBreakingTies() throws Exception {
        var request = WorklistRequest.of(
                json("{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}"),
                "15",
                "15");
        assertThat(request).contains(new WorklistRequest(15, 15, "RES.CREATE_TIME_ desc, RES.ID_ asc"));
    }

    @Test
    void severalSortsKeepTheirOrderAndAbsentPagingIsCamundas() throws Exception {
        assertThat(WorklistRequest.of(
                        json("{\"sorting\":[{\"sortBy\":\"priority\",\"sortOrder\":\"asc\"},"
                                + "{\"sortBy\":\"id\",\"sortOrder\":\"desc\"}],\"active\":true}"),
                        null,
                        null))
                .contains(new WorklistRequest(0, Integer.MAX_VALUE, "RES.PRIORITY_ asc, RES.ID_ desc"));
        assertThat(WorklistRequest.of(json("{\"active\":true}"), null, "0"))
                .contains(new WorklistRequest(0, 0, "RES.ID_ asc"));
    }

    @Test
    void anythingElseIsLeftToCamunda() throws Exception {
        String[] refused = {
            "{}", // no active: suspended tasks too
            "{\"active\":false}",
            "{\"active\":\"true\"}",
            "{\"active\":true,\"processVariables\":[{\"name\":\"unitName\",\"operator\":\"eq\",\"value\":\"x\"}]}",
            "{\"active\":true,\"taskVariables\":{}}",
            "{\"active\":true,\"assignee\":\"clerk\"}",
            "{\"active\":true,\"orQueries\":[]}",
            "{\"active\":true,\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\","
                    + "\"parameters\":{\"variable\":\"unitName\",\"type\":\"String\"}}]}",
            "{\"active\":true,\"sorting\":[{\"sortBy\":\"nameCaseInsensitive\",\"sortOrder\":\"asc\"}]}",
            "{\"active\":true,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"DESC; drop table x\"}]}",
            "{\"active\":true,\"sorting\":{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}}",
            "[]",
        };
        for (String body : refused) {
            assertThat(WorklistRequest.of(json(body), "0", "15")).as(body).isEmpty();
        }
        assertThat(WorklistRequest.of(null, "0", "15")).isEmpty();
        for (String paging : new String[] {"-1", "1.5", "abc", "", "99999999999"}) {
            assertThat(WorklistRequest.of(json("{\"active\":true}"), paging, "15"))
                    .as("firstResult " + paging)
                    .isEmpty();
            assertThat(WorklistRequest.of(json("{\"active\":true}"), "0", paging))
                    .as("maxResults " + paging)
                    .isEmpty();
        }
    }

    @Test
    void onlyARequestThatCamundaAnswersWithHalIsTaken() {
        assertThat(UnitWorklistShortcut.Shortcut.prefersHal("application/hal+json, application/json; q=0.5"))
                .isTrue();
        assertThat(UnitWorklistShortcut.Shortcut.prefersHal("application/hal+json"))
                .isTrue();
        assertThat(UnitWorklistShortcut.Shortcut.prefersHal("application/json")).isFalse();
        assertThat(UnitWorklistShortcut.Shortcut.prefersHal("application/json, application/hal+json"))
                .isFalse();
        assertThat(UnitWorklistShortcut.Shortcut.prefersHal("*/*")).isFalse();
        assertThat(UnitWorklistShortcut.Shortcut.prefersHal(null)).isFalse();
        assertThat(UnitWorklistShortcut.Shortcut.prefersHal("not a type;;")).isFalse();
    }
}
