package cn.jixiao.web;

import cn.jixiao.security.UserDirectory;
import cn.jixiao.workflow.ReportTasks;
import cn.jixiao.workflow.ReportVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's tasks, and completing one with plain JSON values, through {@link ReportTasks} (as the caller, so the
 * engine's authorizations decide); a task someone else completed a moment earlier is a 409 with a Chinese message,
 * and its decision is never applied twice.
 */
@RestController
class TaskController {

    private final ReportTasks tasks;
    private final UserDirectory users;
    private final ReportVariables variables;

    TaskController(ReportTasks tasks, UserDirectory users, ReportVariables variables) {
        this.tasks = tasks;
        this.users = users;
        this.variables = variables;
    }

    record TaskView(String id, String key, String name, String reportId, String assignee) {}

    record Completion(Map<String, JsonNode> variables) {}

    @GetMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
    List<TaskView> mine(Authentication authentication) {
        return tasks.of(users.current(authentication)).stream()
                .map(t -> new TaskView(t.id(), t.key(), t.name(), t.reportId(), t.assignee()))
                .toList();
    }

    @PostMapping(path = "/api/tasks/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> complete(
            @PathVariable String id, @RequestBody(required = false) Completion body, Authentication authentication) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (body != null && body.variables() != null) {
            body.variables().forEach((name, value) -> values.put(name, plain(value)));
        }
        try {
            tasks.complete(users.current(authentication), id, values);
        } catch (ReportTasks.TaskGone gone) {
            throw gone.taken()
                    ? new ApiException(HttpStatus.CONFLICT, "该任务刚刚已由他人办理完成，您的操作未生效，请刷新任务列表")
                    : new ApiException(HttpStatus.NOT_FOUND, "任务不存在或您无权办理");
        }
        return ResponseEntity.noContent().build();
    }

    /** JSON scalars as Java values; objects and arrays as Json variables. */
    private Object plain(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.asInt();
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return variables.json(value);
    }
}
