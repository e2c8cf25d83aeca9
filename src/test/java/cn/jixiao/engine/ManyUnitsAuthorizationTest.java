package cn.jixiao.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.InMemoryWorkflowTest;
import cn.jixiao.testing.WorkflowFixture;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine checks rights with {@link ManyUnitsAuthorizationManager} (no per-command load of every group holding a
 * grant) and without looking for revoke authorizations, which the application never creates.
 */
class ManyUnitsAuthorizationTest extends InMemoryWorkflowTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void theEngineUsesTheManagerThatKeepsTheUsersGroups() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration
                        .getSessionFactories()
                        .get(AuthorizationManager.class)
                        .openSession())
                .isInstanceOf(ManyUnitsAuthorizationManager.class);
        assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
        assertThat(new ManyUnitsAuthorizationManager()
                        .filterAuthenticatedGroupIds(List.of("a-group-without-grants", "b")))
                .containsExactly("a-group-without-grants", "b");
    }

    @Test
    void aReportThroughTheWorkflowLeavesNoRevokeAuthorization() {
        ProcessInstance pi = fx.startSample(WorkflowFixture.CLERK);
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.leaderReturn(pi, "请修改");
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.leaderApprove(pi, "同意");
        fx.financeAccept(pi);

        assertThat(engine.getAuthorizationService()
                        .createAuthorizationQuery()
                        .authorizationType(Authorization.AUTH_TYPE_REVOKE)
                        .count())
                .isZero();
    }
}
