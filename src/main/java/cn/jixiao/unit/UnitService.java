package cn.jixiao.unit;

import cn.jixiao.security.IdentityGroups;
import cn.jixiao.security.RoleAuthorizations;
import cn.jixiao.security.UnitGroups;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers units: the unit row, its clerk and leader groups, and their standing rights, in one step. */
@Service
public class UnitService {

    /** Up to this many codes go into one statement's IN list; more read the register once. */
    static final int BY_CODE_AT_MOST = 200;

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

    /**
     * The names of these units by code (a code not registered is left out). A few codes are looked up by code, many
     * by one read of the register: a clerk's report list names one unit, and reading the province's 10,000 units for
     * it was most of that request's cost (docs/BENCHMARK.md).
     */
    public Map<String, String> names(Collection<String> codes) {
        Set<String> wanted = new HashSet<>(codes);
        List<Unit> found = wanted.size() <= BY_CODE_AT_MOST
                ? units.findAll(wanted)
                : units.findAll().stream()
                        .filter(u -> wanted.contains(u.code()))
                        .toList();
        Map<String, String> names = new HashMap<>();
        found.forEach(u -> names.put(u.code(), u.name()));
        return names;
    }
}
