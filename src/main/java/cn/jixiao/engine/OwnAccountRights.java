package cn.jixiao.engine;

import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A user may read and update their own account (name, e-mail, password), but not delete it or hand rights on it to
 * others: Camunda's default grants every new user ALL on their own user record. New users get READ and UPDATE
 * here; accounts created before this rule are brought down to the same at start-up.
 */
@Component
class OwnAccountRights extends AbstractProcessEnginePlugin {

    static final Permission[] OWN = {Permissions.READ, Permissions.UPDATE};

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    /** Accounts made before this rule: their ALL on themselves becomes READ and UPDATE. */
    @EventListener(ApplicationReadyEvent.class)
    public void narrowExistingGrants(ApplicationReadyEvent event) {
        AuthorizationService authorizations =
                event.getApplicationContext().getBean(ProcessEngine.class).getAuthorizationService();
        List<Authorization> wide = authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(USER)
                .hasPermission(Permissions.DELETE)
                .list();
        for (Authorization grant : wide) {
            if (grant.getUserId() != null && grant.getUserId().equals(grant.getResourceId())) {
                grant.setPermissions(OWN);
                authorizations.saveAuthorization(grant);
            }
        }
    }

    static final class Provider extends DefaultAuthorizationProvider {
        @Override
        public AuthorizationEntity[] newUser(User user) {
            return new AuthorizationEntity[] {createGrantAuthorization(user.getId(), null, USER, user.getId(), OWN)};
        }
    }
}
