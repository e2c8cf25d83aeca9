package cn.jixiao.security;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import cn.jixiao.report.ProcessVariables;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.stereotype.Component;

/**
 * The standing Camunda rights of each role, granted to a role's group once, including the Tasklist filter that holds
 * the role's work (a role sees only its own filters). Rights on individual reports come from
 * {@link cn.jixiao.record.InstanceAccess}, rights on individual tasks from the engine's candidate-group grants.
 */
@Component
public class RoleAuthorizations {

    private static final String TASKLIST = "tasklist";

    private final AccessGrants grants;
    private final FilterService filters;

    public RoleAuthorizations(AccessGrants grants, FilterService filters) {
        this.grants = grants;
        this.filters = filters;
    }

    /** READ on the Tasklist filter of that name, if it exists yet ({@link TasklistFilters} grants it otherwise). */
    void grantFilter(String groupId, String filterName) {
        Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
        if (filter != null) {
            grants.grantGroup(groupId, FILTER, filter.getId(), Permissions.READ);
        }
    }

    /** Clerks start reports of their unit and draft them in the Tasklist. */
    public void grantClerk(String groupId) {
        grants.grantGroup(groupId, APPLICATION, TASKLIST, Permissions.ACCESS);
        grants.grantGroup(
                groupId,
                PROCESS_DEFINITION,
                ProcessVariables.PROCESS_KEY,
                Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grants.grantGroup(groupId, PROCESS_INSTANCE, "*", Permissions.CREATE);
        grantFilter(groupId, TasklistFilters.UNIT_TASKS);
    }

    /** Leaders review their unit's reports in the Tasklist; they do not start them. */
    public void grantLeader(String groupId) {
        grants.grantGroup(groupId, APPLICATION, TASKLIST, Permissions.ACCESS);
        grants.grantGroup(groupId, PROCESS_DEFINITION, ProcessVariables.PROCESS_KEY, Permissions.READ);
        grantFilter(groupId, TasklistFilters.UNIT_TASKS);
    }

    /**
     * The finance bureau reviews submitted reports of every unit; it never drafts. It launches the year's campaign
     * (年度绩效自评工作) from the Tasklist's start dialog.
     */
    public void grantFinance(String groupId) {
        grants.grantGroup(groupId, APPLICATION, TASKLIST, Permissions.ACCESS);
        grants.grantGroup(groupId, PROCESS_DEFINITION, ProcessVariables.PROCESS_KEY, Permissions.READ);
        grants.grantGroup(
                groupId,
                PROCESS_DEFINITION,
                ProcessVariables.CAMPAIGN_KEY,
                Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grants.grantGroup(groupId, PROCESS_INSTANCE, "*", Permissions.CREATE);
        grantFilter(groupId, TasklistFilters.FINANCE_TASKS);
    }
}
