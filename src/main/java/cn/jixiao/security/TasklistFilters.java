package cn.jixiao.security;

import cn.jixiao.JixiaoProperties;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist's shared filters, each readable by the roles whose work it holds (a filter only lists tasks the user
 * is authorized to see anyway; the grants decide which filters a user sees and lands on).
 */
@Component
@Order(20)
public class TasklistFilters implements ApplicationRunner {

    public static final String MY_TASKS = "我的待办";
    public static final String UNIT_TASKS = "本单位待办";
    public static final String FINANCE_TASKS = "待财政审核";

    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", "unitName", "label", "单位"),
            Map.of("name", "fiscalYear", "label", "年度"),
            Map.of("name", "roundMark", "label", "状态"),
            Map.of("name", "draftProgress", "label", "进度"));

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final IdentityService identityService;
    private final RoleAuthorizations roles;
    private final JixiaoProperties properties;

    public TasklistFilters(
            FilterService filterService,
            TaskService taskService,
            AuthorizationService authorizationService,
            IdentityService identityService,
            RoleAuthorizations roles,
            JixiaoProperties properties) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.identityService = identityService;
        this.roles = roles;
        this.properties = properties;
    }

    /**
     * Each role lands on the filter that holds its work and sees only its own: 本单位待办 for the units' clerks and
     * leaders, 待财政审核 for the finance bureau (first in the list, priority −10), 我的待办 for everyone after them.
     */
    @Override
    public void run(ApplicationArguments args) {
        String unitTasks = ensure(UNIT_TASKS, -10, "我所在单位和岗位可办理的任务", unitTasksQuery(taskService), false);
        ensure(
                FINANCE_TASKS,
                -10,
                "等待财政局审核的报告",
                taskService.createTaskQuery().taskDefinitionKey("financeReview"),
                false);
        ensure(MY_TASKS, 10, "分配给我的任务", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), true);
        // Every unit's groups get 本单位待办 when the unit is set up (RoleAuthorizations); here only a group still
        // without it (a database of an earlier version) is granted. The grants are read in one query: a province has
        // tens of thousands of unit groups, and granting each at every start kept a node busy for minutes.
        Set<String> granted = groupsReading(unitTasks);
        for (String type : List.of(UnitGroups.CLERK_TYPE, UnitGroups.LEADER_TYPE)) {
            for (Group group :
                    identityService.createGroupQuery().groupType(type).list()) {
                if (!granted.contains(group.getId())) {
                    roles.grantFilter(group.getId(), UNIT_TASKS);
                }
            }
        }
        roles.grantFilter(properties.financeGroup(), FINANCE_TASKS);
    }

    /**
     * 本单位待办's query: the open tasks of the user's groups, claimed or not. The Tasklist's list of it is answered
     * by a shortcut (cn.jixiao.worklist) only while the filter still holds exactly this query.
     */
    public static TaskQuery unitTasksQuery(TaskService taskService) {
        return taskService
                .createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
    }

    /** The groups holding READ on the filter. */
    Set<String> groupsReading(String filterId) {
        return authorizationService
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.FILTER)
                .resourceId(filterId)
                .list()
                .stream()
                .filter(a -> a.getGroupId() != null && a.isPermissionGranted(Permissions.READ))
                .map(Authorization::getGroupId)
                .collect(Collectors.toSet());
    }

    private String ensure(String name, int priority, String description, TaskQuery query, boolean everyone) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
        }
        filter.setOwner(null);
        filter.setQuery(query);
        filter.setProperties(
                Map.of("priority", priority, "description", description, "refresh", true, "variables", COLUMNS));
        filterService.saveFilter(filter);
        List<Authorization> global = authorizationService
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(Resources.FILTER)
                .resourceId(filter.getId())
                .list();
        if (everyone && global.isEmpty()) {
            Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            all.setResource(Resources.FILTER);
            all.setResourceId(filter.getId());
            all.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(all);
        } else if (!everyone) {
            // A role's filter is granted to the role's groups; an everyone-grant of an earlier version goes.
            global.forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        }
        return filter.getId();
    }
}
