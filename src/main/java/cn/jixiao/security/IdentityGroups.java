package cn.jixiao.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Camunda groups the application itself sets up (a unit's clerks and leaders, the finance bureau, the
 * administrators): the one place a group is created when missing, so every role's group is made the same way.
 */
@Component
public class IdentityGroups {

    private final IdentityService identityService;

    IdentityGroups(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Creates the group if it is missing; an existing group keeps the name and type an administrator gave it. */
    public void createIfMissing(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            save(identityService.newGroup(id), name, type);
        }
    }

    /** Creates the group, or renames an existing one (a unit renamed by its administrator). */
    public void createOrUpdate(String id, String name, String type) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        save(group == null ? identityService.newGroup(id) : group, name, type);
    }

    private void save(Group group, String name, String type) {
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
    }
}
