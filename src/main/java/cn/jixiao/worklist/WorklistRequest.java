package cn.jixiao.worklist;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Tasklist asks of 本单位待办 when it only pages and sorts (which is nearly always): the page and the order,
 * or nothing for any other request (a search, a variable sort, a suspended-task view), which Camunda then answers as
 * it always did. Only requests whose answer the shortcut gives exactly as Camunda would are taken.
 */
record WorklistRequest(int firstResult, int maxResults, String orderBy) {

    /** Camunda's task sort keys whose column holds no expression, as Camunda writes them into ORDER BY. */
    static final Map<String, String> COLUMNS = Map.of(
            "created", "RES.CREATE_TIME_",
            "priority", "RES.PRIORITY_",
            "dueDate", "RES.DUE_DATE_",
            "followUpDate", "RES.FOLLOW_UP_DATE_",
            "name", "RES.NAME_",
            "assignee", "RES.ASSIGNEE_",
            "description", "RES.DESCRIPTION_",
            "id", "RES.ID_",
            "instanceId", "RES.PROC_INST_ID_",
            "executionId", "RES.EXECUTION_ID_");

    private static final Set<String> EMPTY_LISTS = Set.of("processVariables", "taskVariables", "caseInstanceVariables");

    /**
     * The request, if it is one the shortcut answers: a JSON object with {@code active: true}, a sorting over the
     * plain columns, and the Tasklist's empty variable conditions; paging as Camunda reads it (absent first result
     * 0, absent page size unbounded). Ties are broken by the task's id, so paging never repeats or skips a task.
     */
    static Optional<WorklistRequest> of(JsonNode body, String firstResult, String maxResults) {
        Optional<Integer> first = count(firstResult, 0);
        Optional<Integer> max = count(maxResults, Integer.MAX_VALUE);
        if (body == null || !body.isObject() || first.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        if (!body.path("active").isBoolean() || !body.path("active").booleanValue()) {
            return Optional.empty();
        }
        List<String> order = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (EMPTY_LISTS.contains(key)) {
                if (!value.isArray() || !value.isEmpty()) {
                    return Optional.empty();
                }
            } else if ("sorting".equals(key)) {
                if (!value.isArray() || !sorting(value, order)) {
                    return Optional.empty();
                }
            } else if (!"active".equals(key)) {
                return Optional.empty();
            }
        }
        if (order.isEmpty()) {
            order.add("RES.ID_ asc"); // Camunda's order when none is asked for
        } else if (order.stream().noneMatch(o -> o.startsWith("RES.ID_ "))) {
            order.add("RES.ID_ asc");
        }
        return Optional.of(new WorklistRequest(first.get(), max.get(), String.join(", ", order)));
    }

    private static boolean sorting(JsonNode sorting, List<String> order) {
        for (JsonNode sort : sorting) {
            if (!sort.isObject() || sort.size() != 2) {
                return false;
            }
            String column = COLUMNS.get(sort.path("sortBy").asText(""));
            String direction = sort.path("sortOrder").asText("");
            if (column == null || !(direction.equals("asc") || direction.equals("desc"))) {
                return false;
            }
            order.add(column + " " + direction);
        }
        return true;
    }

    /** A paging parameter as Camunda reads it, or empty for one Camunda would refuse or read otherwise. */
    private static Optional<Integer> count(String text, int absent) {
        if (text == null) {
            return Optional.of(absent);
        }
        if (!text.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }
}
