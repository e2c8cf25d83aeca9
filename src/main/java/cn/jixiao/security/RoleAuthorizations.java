package cn.jixiao.security;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import cn.jixiao.workflow.ProcessVariables;
import org.camunda.bpm.engine.authorization.Permissions;
import org.springframework.stereotype.Component;

/**
 * The standing Camunda rights of each role, granted to a role's group once. Rights on individual reports come from
 * {@link InstanceAccess}, rights on individual tasks from the engine's candidate-group grants.
 */
@Component
public class RoleAuthorizations {

  private static final String TASKLIST = "tasklist";

  private final AccessGrants grants;

  public RoleAuthorizations(AccessGrants grants) {
    this.grants = grants;
  }

  /** Clerks start reports of their unit and draft them in the Tasklist. */
  public void grantClerk(String groupId) {
    grants.grantGroup(groupId, APPLICATION, TASKLIST, Permissions.ACCESS);
    grants.grantGroup(groupId, PROCESS_DEFINITION, ProcessVariables.PROCESS_KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
    grants.grantGroup(groupId, PROCESS_INSTANCE, "*", Permissions.CREATE);
  }

  /** Leaders review their unit's reports in the Tasklist; they do not start them. */
  public void grantLeader(String groupId) {
    grants.grantGroup(groupId, APPLICATION, TASKLIST, Permissions.ACCESS);
    grants.grantGroup(groupId, PROCESS_DEFINITION, ProcessVariables.PROCESS_KEY, Permissions.READ);
  }

  /** The finance bureau reviews submitted reports of every unit; it never drafts. */
  public void grantFinance(String groupId) {
    grants.grantGroup(groupId, APPLICATION, TASKLIST, Permissions.ACCESS);
    grants.grantGroup(groupId, PROCESS_DEFINITION, ProcessVariables.PROCESS_KEY, Permissions.READ);
  }
}
