package cn.jixiao.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist's shared filters. Every signed-in user may read them: a filter only lists tasks the user is
 * authorized to see anyway.
 */
@Component
@Order(20)
public class TasklistFilters implements ApplicationRunner {

  public static final String MY_TASKS = "我的待办";
  public static final String UNIT_TASKS = "本单位待办";
  public static final String FINANCE_TASKS = "待财政审核";

  private static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "unitName", "label", "单位"),
      Map.of("name", "fiscalYear", "label", "年度"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure(MY_TASKS, -10, "分配给我的任务", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure(UNIT_TASKS, 0, "我所在单位和岗位可办理的任务",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    ensure(FINANCE_TASKS, 10, "等待财政局审核的报告", taskService.createTaskQuery().taskDefinitionKey("financeReview"));
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    filter.setOwner(null);
    filter.setQuery(query);
    filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true, "variables", COLUMNS));
    filterService.saveFilter(filter);
    if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId()).count() == 0) {
      Authorization everyone = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      everyone.setResource(Resources.FILTER);
      everyone.setResourceId(filter.getId());
      everyone.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(everyone);
    }
  }
}
