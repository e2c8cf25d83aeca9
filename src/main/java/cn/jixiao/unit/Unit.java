package cn.jixiao.unit;

import cn.jixiao.security.UnitGroups;

/** A budget unit (预算单位): its code, its name, and the Camunda groups of its clerks and leaders. */
public record Unit(String code, String name, String supervisor) {

    public String clerkGroupId() {
        return UnitGroups.clerkGroupId(code);
    }

    public String leaderGroupId() {
        return UnitGroups.leaderGroupId(code);
    }
}
