package cn.jixiao.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.stereotype.Component;

/** The administrators' group {@code camunda-admin} with every right, and adding a user to it. */
@Component
public class AdministratorSetup {

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final IdentityGroups groups;

    public AdministratorSetup(
            IdentityService identityService, AuthorizationService authorizationService, IdentityGroups groups) {
        this.identityService = identityService;
        this.groups = groups;
        this.authorizationService = authorizationService;
    }

    public boolean anyAdministrator() {
        return identityService
                        .createUserQuery()
                        .memberOfGroup(Groups.CAMUNDA_ADMIN)
                        .count()
                > 0;
    }

    /**
     * Creates the administrator (if missing) as a member of camunda-admin. The password policy applies unless
     * {@code skipPasswordPolicy} (only the demo's documented password skips it).
     */
    public void ensureAdministrator(String userId, String password, boolean skipPasswordPolicy) {
        ensureGroup();
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName("管理员");
            user.setLastName("系统");
            user.setPassword(password);
            ((IdentityServiceImpl) identityService).saveUser(user, skipPasswordPolicy);
        }
        if (identityService
                        .createUserQuery()
                        .userId(userId)
                        .memberOfGroup(Groups.CAMUNDA_ADMIN)
                        .count()
                == 0) {
            identityService.createMembership(userId, Groups.CAMUNDA_ADMIN);
        }
    }

    private void ensureGroup() {
        groups.createIfMissing(Groups.CAMUNDA_ADMIN, "系统管理员", Groups.GROUP_TYPE_SYSTEM);
        for (Resource resource : Resources.values()) {
            if (authorizationService
                            .createAuthorizationQuery()
                            .groupIdIn(Groups.CAMUNDA_ADMIN)
                            .resourceType(resource)
                            .resourceId("*")
                            .count()
                    == 0) {
                Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                all.setGroupId(Groups.CAMUNDA_ADMIN);
                all.setResource(resource);
                all.setResourceId("*");
                all.addPermission(Permissions.ALL);
                authorizationService.saveAuthorization(all);
            }
        }
    }
}
