package cn.jixiao.unit;

import cn.jixiao.security.UnitGroups;
import cn.jixiao.security.RoleAuthorizations;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers units: the unit row, its clerk and leader groups, and their standing rights, in one step. */
@Service
public class UnitService {

  private final UnitRepository units;
  private final IdentityService identityService;
  private final RoleAuthorizations roles;

  public UnitService(UnitRepository units, IdentityService identityService, RoleAuthorizations roles) {
    this.units = units;
    this.identityService = identityService;
    this.roles = roles;
  }

  /** Idempotent: registering a unit again updates its name and leaves groups and rights as they are. */
  @Transactional
  public Unit register(Unit unit) {
    units.save(unit);
    ensureGroup(unit.clerkGroupId(), unit.name() + " 经办人", UnitGroups.CLERK_TYPE);
    ensureGroup(unit.leaderGroupId(), unit.name() + " 负责人", UnitGroups.LEADER_TYPE);
    roles.grantClerk(unit.clerkGroupId());
    roles.grantLeader(unit.leaderGroupId());
    return unit;
  }

  public Optional<Unit> find(String code) {
    return units.find(code);
  }

  public List<Unit> all() {
    return units.findAll();
  }

  private void ensureGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }
}
