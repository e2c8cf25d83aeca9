package cn.jixiao.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.security.TasklistFilters;
import cn.jixiao.testing.HttpTestSupport;
import cn.jixiao.testing.WebappBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 本单位待办 as the shortcut lists it is Camunda's answer: for the same user and request, the same HAL document (tasks,
 * counts, embedded definitions, assignees and card variables) as Camunda's filter list gives with the shortcut off;
 * on both doors (HTTP Basic and the Tasklist's session, behind its CSRF check); and whatever it cannot answer exactly
 * (a search, an administrator, a caller without the filter, a filter edited in the Tasklist) is left to Camunda.
 */
class UnitWorklistShortcutHttpTest extends HttpTestSupport {

    static final String HAL = "application/hal+json, application/json; q=0.5";
    static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

    @Autowired
    UnitWorklist worklist;

    @Autowired
    FilterService filterService;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    String filterId;

    @BeforeEach
    void findTheFilter() {
        filterId = filterService
                .createFilterQuery()
                .filterName(TasklistFilters.UNIT_TASKS)
                .singleResult()
                .getId();
        worklist.setEnabled(true);
    }

    private Response list(String user, String paging, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", basic(user, PASSWORD));
        headers.put("Accept", HAL);
        headers.put("Content-Type", "application/json");
        return exchange("POST", "/engine-rest/filter/" + filterId + "/list" + paging, headers, body.getBytes());
    }

    /** The list as Camunda's filter list answers it (the shortcut off for this one call). */
    private Response camundas(String user, String paging, String body) {
        worklist.setEnabled(false);
        try {
            return list(user, paging, body);
        } finally {
            worklist.setEnabled(true);
        }
    }

    /** The list through the shortcut, which must have answered it. */
    private Response shortcuts(String user, String paging, String body) {
        long before = worklist.served();
        Response response = list(user, paging, body);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(worklist.served()).as("answered by the shortcut: %s", body).isEqualTo(before + 1);
        return response;
    }

    /** The document with its lists in id order: Camunda leaves the order of equal sort keys to the database. */
    private static JsonNode normalized(JsonNode hal) {
        ObjectNode copy = hal.deepCopy();
        JsonNode embedded = copy.path("_embedded");
        for (String relation : List.of("task", "processDefinition", "assignee", "owner")) {
            if (embedded.path(relation).isArray()) {
                List<JsonNode> items = new ArrayList<>();
                embedded.path(relation).forEach(items::add);
                items.sort(Comparator.comparing(n -> n.path("id").asText()));
                ArrayNode sorted = ((ObjectNode) embedded).putArray(relation);
                items.forEach(sorted::add);
            }
        }
        return copy;
    }

    private static List<String> taskIds(JsonNode hal) {
        return StreamSupport.stream(hal.path("_embedded").path("task").spliterator(), false)
                .map(t -> t.path("id").asText())
                .toList();
    }

    private static Set<String> processInstances(JsonNode hal) {
        return StreamSupport.stream(hal.path("_embedded").path("task").spliterator(), false)
                .map(t -> t.path("processInstanceId").asText())
                .collect(Collectors.toSet());
    }

    /** Two reports of the clerk's unit in drafting, one section claimed by the clerk, a third report suspended. */
    private List<String> unitWork() {
        String first = reportInDrafting(XZSP);
        String second = reportInDrafting(XZSP);
        String suspended = reportInDrafting(XZSP);
        String claimed = task("clerk", second, DRAFTING_TASKS.get(0));
        Response claim = postJson("clerk", "/engine-rest/task/" + claimed + "/claim", "{\"userId\":\"clerk\"}");
        assertThat(claim.status()).as("%s", claim).isEqualTo(204);
        runtimeService.suspendProcessInstanceById(suspended);
        return List.of(first, second, suspended);
    }

    @Test
    void theShortcutsAnswerIsCamundasForEveryOrderAndPage() {
        List<String> reports = unitWork();
        reportInDrafting(JYJ);
        List<String> bodies = List.of(
                TASKLIST_BODY,
                "{\"sorting\":[{\"sortBy\":\"priority\",\"sortOrder\":\"asc\"},"
                        + "{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}",
                "{\"sorting\":[{\"sortBy\":\"name\",\"sortOrder\":\"asc\"}],\"active\":true}",
                "{\"active\":true}");
        for (String body : bodies) {
            Response camunda = camundas("clerk", "?firstResult=0&maxResults=1000", body);
            assertThat(camunda.status()).as("%s", camunda).isEqualTo(200);
            Response shortcut = shortcuts("clerk", "?firstResult=0&maxResults=1000", body);
            assertThat(shortcut.headers().firstValue("Content-Type")).hasValue("application/hal+json");
            assertThat(normalized(shortcut.json())).as(body).isEqualTo(normalized(camunda.json()));
        }

        JsonNode all = shortcuts("clerk", "?firstResult=0&maxResults=1000", TASKLIST_BODY)
                .json();
        Set<String> listed = processInstances(all);
        assertThat(listed).as("both drafting reports").contains(reports.get(0), reports.get(1));
        assertThat(listed).as("no task of a suspended report").doesNotContain(reports.get(2));
        assertThat(StreamSupport.stream(all.path("_embedded").path("task").spliterator(), false)
                        .anyMatch(t -> "clerk".equals(t.path("assignee").asText())))
                .as("a claimed task stays in the unit's list")
                .isTrue();
        assertThat(all.path("_embedded").path("assignee").findValuesAsText("id"))
                .contains("clerk");
        JsonNode card =
                all.path("_embedded").path("task").get(0).path("_embedded").path("variable");
        assertThat(card.findValuesAsText("name")).contains("unitName", "fiscalYear", "roundMark", "draftProgress");

        // Pages of five, one after another, give the whole list once, in order, with the whole count on each.
        List<String> paged = new ArrayList<>();
        for (int first = 0; first < all.path("count").asInt(); first += 5) {
            JsonNode page = shortcuts("clerk", "?firstResult=" + first + "&maxResults=5", TASKLIST_BODY)
                    .json();
            assertThat(page.path("count").asInt()).isEqualTo(all.path("count").asInt());
            paged.addAll(taskIds(page));
        }
        assertThat(paged).isEqualTo(taskIds(all));

        JsonNode beyond = shortcuts("clerk", "?firstResult=100000&maxResults=15", TASKLIST_BODY)
                .json();
        Response camundaBeyond = camundas("clerk", "?firstResult=100000&maxResults=15", TASKLIST_BODY);
        assertThat(beyond).as("a page past the end").isEqualTo(camundaBeyond.json());
    }

    @Test
    void aUnitSeesOnlyItsOwnWork() {
        String xzsp = reportInDrafting(XZSP);
        String jyj = reportInDrafting(JYJ);
        JsonNode clerk2 = shortcuts("clerk2", "?firstResult=0&maxResults=1000", TASKLIST_BODY)
                .json();
        assertThat(processInstances(clerk2)).contains(jyj).doesNotContain(xzsp);
        assertThat(normalized(clerk2))
                .isEqualTo(normalized(camundas("clerk2", "?firstResult=0&maxResults=1000", TASKLIST_BODY)
                        .json()));
        JsonNode clerk = shortcuts("clerk", "?firstResult=0&maxResults=1000", TASKLIST_BODY)
                .json();
        assertThat(processInstances(clerk)).contains(xzsp).doesNotContain(jyj);
    }

    @Test
    void whatTheShortcutCannotAnswerExactlyIsCamundas() {
        reportInDrafting(XZSP);
        long before = worklist.served();
        // A search from the Tasklist's search bar, and an order by a variable.
        String search = "{\"processVariables\":[{\"name\":\"unitName\",\"operator\":\"eq\",\"value\":\""
                + XZSP_NAME
                + "\"}],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
        Response searched = list("clerk", "?firstResult=0&maxResults=15", search);
        assertThat(searched.status()).as("%s", searched).isEqualTo(200);
        assertThat(searched.json().path("count").asInt()).isPositive();
        // Users without the filter (the bureau) and administrators: Camunda answers, as before.
        for (String user : List.of("finance", "admin")) {
            Response camunda = camundas(user, "?firstResult=0&maxResults=15", TASKLIST_BODY);
            Response answered = list(user, "?firstResult=0&maxResults=15", TASKLIST_BODY);
            assertThat(answered.status()).as(user).isEqualTo(camunda.status());
            assertThat(answered.body()).as(user).isEqualTo(camunda.body());
        }
        // Plain JSON asked for, not HAL.
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", basic("clerk", PASSWORD));
        headers.put("Content-Type", "application/json");
        Response json =
                exchange("POST", "/engine-rest/filter/" + filterId + "/list", headers, TASKLIST_BODY.getBytes());
        assertThat(json.status()).as("%s", json).isEqualTo(200);
        assertThat(json.isJsonArray()).isTrue();
        assertThat(worklist.served()).as("none of these by the shortcut").isEqualTo(before);
    }

    @Test
    void aFilterEditedInTheTasklistIsListedAsItNowReads() {
        reportInDrafting(XZSP);
        Filter filter = filterService.getFilter(filterId);
        filter.setQuery(TasklistFilters.unitTasksQuery(taskService).taskDefinitionKey(DRAFTING_TASKS.get(0)));
        filterService.saveFilter(filter);
        try {
            long before = worklist.served();
            Response edited = list("clerk", "?firstResult=0&maxResults=1000", TASKLIST_BODY);
            assertThat(edited.status()).as("%s", edited).isEqualTo(200);
            assertThat(worklist.served()).as("left to Camunda").isEqualTo(before);
            assertThat(edited.json().path("_embedded").path("task").findValuesAsText("taskDefinitionKey"))
                    .isNotEmpty()
                    .containsOnly(DRAFTING_TASKS.get(0));
        } finally {
            filter.setQuery(TasklistFilters.unitTasksQuery(taskService));
            filterService.saveFilter(filter);
        }
        shortcuts("clerk", "?firstResult=0&maxResults=15", TASKLIST_BODY);
    }

    @Test
    void theTasklistsSessionIsAnsweredBehindItsCsrfCheck() {
        reportInDrafting(XZSP);
        WebappBrowser browser = WebappBrowser.signedIn(this, "clerk");
        String path = "/camunda/api/engine/engine/default/filter/" + filterId + "/list?firstResult=0&maxResults=1000";

        long before = worklist.served();
        // A forged call (no CSRF header) is refused, and Camunda ends that session: a browser of its own.
        Response forged =
                WebappBrowser.signedIn(this, "clerk").post(path, TASKLIST_BODY, "application/json", HAL, false);
        assertThat(forged.status()).as("without the CSRF header: %s", forged).isEqualTo(403);
        assertThat(worklist.served()).isEqualTo(before);

        Response session = browser.post(path, TASKLIST_BODY, "application/json", HAL, true);
        assertThat(session.status()).as("%s", session).isEqualTo(200);
        assertThat(worklist.served())
                .as("the session's list answered by the shortcut")
                .isEqualTo(before + 1);
        assertThat(session.headers().firstValue("Content-Security-Policy"))
                .as("the webapps' security headers")
                .isPresent();
        assertThat(normalized(session.json()))
                .isEqualTo(normalized(shortcuts("clerk", "?firstResult=0&maxResults=1000", TASKLIST_BODY)
                        .json()));
    }
}
