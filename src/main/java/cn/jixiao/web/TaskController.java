package cn.jixiao.web;

import cn.jixiao.workflow.TaskInputs;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.UserDirectory;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.workflow.ReportVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
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
 * The caller's tasks, and completing one with plain JSON values. Everything runs as the caller, so the engine's
 * authorizations decide; a task someone else completed a moment earlier is a 409 with a Chinese message, and its
 * decision is never applied twice.
 */
@RestController
public class TaskController {

  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final UserDirectory users;
  private final ReportVariables variables;
  private final ReportIndex index;

  public TaskController(TaskService taskService, HistoryService historyService, IdentityService identityService,
      UserDirectory users, ReportVariables variables, ReportIndex index) {
    this.index = index;
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.users = users;
    this.variables = variables;
  }

  public record TaskView(String id, String key, String name, String reportId, String assignee) {}

  public record Completion(Map<String, JsonNode> variables) {}

  @GetMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<TaskView> mine(Authentication authentication) {
    List<Task> tasks = asUser(authentication, () -> taskService.createTaskQuery()
        .or().taskCandidateUser(authentication.getName()).taskAssignee(authentication.getName()).endOr()
        .orderByTaskCreateTime().asc().list());
    // A correction's tasks run in a later process instance of the report: name the report, not the instance.
    Map<String, String> reportIds = index.reportIdsOf(tasks.stream().map(Task::getProcessInstanceId).toList());
    return tasks.stream()
        .map(t -> new TaskView(t.getId(), t.getTaskDefinitionKey(), t.getName(),
            reportIds.getOrDefault(t.getProcessInstanceId(), t.getProcessInstanceId()), t.getAssignee()))
        .toList();
  }

  @PostMapping(path = "/api/tasks/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Completion body,
      Authentication authentication) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (body != null && body.variables() != null) {
      body.variables().forEach((name, value) -> values.put(name, plain(value)));
    }
    try {
      asUser(authentication, () -> {
        Task task = taskService.createTaskQuery().taskId(id).singleResult();
        if (task == null) {
          throw gone(id);
        }
        TaskInputs.refusal(task.getTaskDefinitionKey(), values.keySet()).ifPresent(message -> {
          throw new ApiException(HttpStatus.BAD_REQUEST, message);
        });
        taskService.complete(id, values);
        return null;
      });
    } catch (OptimisticLockingException | NullValueException raced) {
      throw gone(id);
    } catch (ProcessEngineException failed) {
      // Completed by someone else between our lookup and our completion (however the engine puts it: its grants went
      // with it, or it is no longer there): a conflict. Anything else (e.g. a refused decision) stands as it is.
      if (finished(id)) {
        throw gone(id);
      }
      throw failed;
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

  /** A task that no longer exists: taken by someone else (409) or never there / not visible (404). */
  private ApiException gone(String id) {
    return finished(id)
        ? new ApiException(HttpStatus.CONFLICT, "该任务刚刚已由他人办理完成，您的操作未生效，请刷新任务列表")
        : new ApiException(HttpStatus.NOT_FOUND, "任务不存在或您无权办理");
  }

  private boolean finished(String taskId) {
    return historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
  }

  private <T> T asUser(Authentication authentication, Supplier<T> action) {
    CurrentUser user = users.load(authentication.getName());
    identityService.setAuthentication(user.id(), user.groupIds());
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
