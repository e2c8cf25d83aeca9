package cn.jixiao.unit;

import cn.jixiao.security.IdentityGroups;
import cn.jixiao.security.RoleAuthorizations;
import cn.jixiao.security.UnitGroups;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers units: the unit row, its clerk and leader groups, and their standing rights, in one step. */
@Service
public class UnitService {

    private final UnitRepository units;
    private final IdentityGroups groups;
    private final RoleAuthorizations roles;

    public UnitService(UnitRepository units, IdentityGroups groups, RoleAuthorizations roles) {
        this.units = units;
        this.groups = groups;
        this.roles = roles;
    }

    /** Idempotent: registering a unit again updates its name and leaves groups and rights as they are. */
    @Transactional
    public Unit register(Unit unit) {
        units.save(unit);
        groups.createOrUpdate(unit.clerkGroupId(), unit.name() + " 经办人", UnitGroups.CLERK_TYPE);
        groups.createOrUpdate(unit.leaderGroupId(), unit.name() + " 负责人", UnitGroups.LEADER_TYPE);
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
}
