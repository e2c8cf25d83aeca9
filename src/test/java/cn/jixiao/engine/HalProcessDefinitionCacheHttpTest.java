package cn.jixiao.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.security.TasklistFilters;
import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Tasklist's list embeds each task's process definition as before, and the definition then comes from Camunda's
 * HAL cache rather than from another query.
 */
class HalProcessDefinitionCacheHttpTest extends HttpTestSupport {

    @Autowired
    FilterService filterService;

    @Test
    void theUnitsListEmbedsTheDefinitionFromTheCache() {
        String processInstanceId = reportInDrafting(XZSP);
        String filterId = filterService
                .createFilterQuery()
                .filterName(TasklistFilters.UNIT_TASKS)
                .singleResult()
                .getId();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", basic("clerk", PASSWORD));
        headers.put("Accept", "application/hal+json, application/json; q=0.5");
        headers.put("Content-Type", "application/json");
        Response list = exchange(
                "POST",
                "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50",
                headers,
                "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}".getBytes());
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        String definitionId = null;
        for (JsonNode task : list.json().path("_embedded").path("task")) {
            if (processInstanceId.equals(task.path("processInstanceId").asText())) {
                definitionId = task.path("processDefinitionId").asText();
            }
        }
        assertThat(definitionId).as("a task of the report in the list").isNotNull();
        JsonNode embedded = list.json().path("_embedded").path("processDefinition");
        assertThat(embedded.findValuesAsText("id")).contains(definitionId);
        assertThat(embedded.findValuesAsText("name")).contains("部门整体支出绩效自评报告");

        assertThat(Hal.getInstance().getHalRelationCache(HalProcessDefinition.class))
                .as("Camunda's HAL cache of process definitions")
                .isNotNull();
        assertThat(Hal.getInstance()
                        .getHalRelationCache(HalProcessDefinition.class)
                        .get(definitionId))
                .as("the definition is cached after the list")
                .isNotNull();
    }
}
