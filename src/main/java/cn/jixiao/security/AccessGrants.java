package cn.jixiao.security;

import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/** Creates Camunda authorizations idempotently: an existing grant is extended, never duplicated. */
@Component
public class AccessGrants {

    private final AuthorizationService authorizationService;

    public AccessGrants(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        grant(
                query(resource, resourceId).groupIdIn(groupId),
                a -> a.setGroupId(groupId),
                resource,
                resourceId,
                permissions);
    }

    public void grantUser(String userId, Resource resource, String resourceId, Permission... permissions) {
        grant(
                query(resource, resourceId).userIdIn(userId),
                a -> a.setUserId(userId),
                resource,
                resourceId,
                permissions);
    }

    private AuthorizationQuery query(Resource resource, String resourceId) {
        return authorizationService
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(resource)
                .resourceId(resourceId);
    }

    private void grant(
            AuthorizationQuery existing,
            Consumer<Authorization> owner,
            Resource resource,
            String resourceId,
            Permission... permissions) {
        Authorization authorization = existing.singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            owner.accept(authorization);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
