package cn.jixiao.record;

import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import cn.jixiao.security.AccessGrants;
import cn.jixiao.security.UnitGroups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Per-report Camunda authorizations: a report is readable by its own unit from the start, and by the finance bureau
 * once it first reaches the bureau. Runs inside the engine command that starts or moves the instance, without the
 * caller's authorizations (a clerk may not grant rights, but starting a report must).
 */
@Component
public class InstanceAccess {

    private final AccessGrants grants;

    public InstanceAccess(AccessGrants grants) {
        this.grants = grants;
    }

    public void grantUnit(String processInstanceId, String unitCode) {
        grantRead(processInstanceId, UnitGroups.clerkGroupId(unitCode));
        grantRead(processInstanceId, UnitGroups.leaderGroupId(unitCode));
    }

    public void grantFinance(String processInstanceId, String financeGroupId) {
        grantRead(processInstanceId, financeGroupId);
    }

    private void grantRead(String processInstanceId, String groupId) {
        Runnable grant = () -> {
            grants.grantGroup(groupId, PROCESS_INSTANCE, processInstanceId, Permissions.READ);
            grants.grantGroup(
                    groupId, HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
        };
        if (Context.getCommandContext() != null) {
            Context.getCommandContext().runWithoutAuthorization(() -> {
                grant.run();
                return null;
            });
        } else {
            grant.run();
        }
    }
}
