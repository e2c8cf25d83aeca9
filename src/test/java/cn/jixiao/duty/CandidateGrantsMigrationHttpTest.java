package cn.jixiao.duty;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;

/** A task opened before this version (its candidates holding UPDATE) gets the candidates' rights of today at start-up. */
class CandidateGrantsMigrationHttpTest extends HttpTestSupport {

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    @Qualifier("candidateGrantsMigration")
    ApplicationRunner migration;

    @Test
    void anOldCandidateGrantWithUpdateBecomesTaskWork() throws Exception {
        String id = reportInDrafting(XZSP);
        String draft = task("clerk", id, "draftBudget");
        Authorization grant = authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .resourceId(draft)
                .groupIdIn("unit-" + XZSP + "-clerks")
                .singleResult();
        assertThat(grant.isPermissionGranted(TaskPermissions.TASK_WORK))
                .as("new tasks: TASK_WORK")
                .isTrue();
        assertThat(grant.isPermissionGranted(Permissions.UPDATE))
                .as("new tasks: no UPDATE")
                .isFalse();

        // As an earlier version left it.
        grant.addPermission(Permissions.UPDATE);
        authorizationService.saveAuthorization(grant);
        assertThat(postJson("clerk", "/engine-rest/task/" + draft + "/assignee", "{\"userId\":\"clerk\"}")
                        .status())
                .as("the REST guard refuses re-routing whatever the grant")
                .isEqualTo(403);

        migration.run(null);
        Authorization after = authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .resourceId(draft)
                .groupIdIn("unit-" + XZSP + "-clerks")
                .singleResult();
        assertThat(after.isPermissionGranted(Permissions.UPDATE)).isFalse();
        assertThat(after.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(after.isPermissionGranted(Permissions.READ)).isTrue();
    }
}
