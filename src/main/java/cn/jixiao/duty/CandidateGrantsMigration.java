package cn.jixiao.duty;

import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasks opened before candidates got TASK_WORK instead of UPDATE ({@code defaultUserPermissionNameForTask}) still
 * carry group grants with UPDATE, which let a candidate re-route the task through the engine's Java API. At start-up
 * such grants become READ and TASK_WORK, the rights new candidates get. Grants to users (assignees) are left alone.
 */
@Component
@Order(30)
class CandidateGrantsMigration implements ApplicationRunner {

    static final Permission[] CANDIDATE = {Permissions.READ, TaskPermissions.TASK_WORK};

    private final AuthorizationService authorizations;

    CandidateGrantsMigration(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Authorization> wide = authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(TASK)
                .hasPermission(Permissions.UPDATE)
                .list();
        for (Authorization grant : wide) {
            if (grant.getGroupId() != null && !"*".equals(grant.getResourceId())) {
                grant.setPermissions(CANDIDATE);
                authorizations.saveAuthorization(grant);
            }
        }
    }
}
