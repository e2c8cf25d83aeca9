package cn.jixiao.record;

import cn.jixiao.JixiaoProperties;
import cn.jixiao.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may see or start a report in /api: the same rules the Camunda authorizations enforce in the engine, decided
 * from the report's own record (its unit, whether the finance bureau has received it), never from variables.
 */
@Component
public class ReportAccessPolicy {

    private final String financeGroup;

    public ReportAccessPolicy(JixiaoProperties properties) {
        this.financeGroup = properties.financeGroup();
    }

    /** The unit's clerks and leaders always; the finance bureau once the report has reached it; administrators. */
    public boolean canRead(CurrentUser user, ReportEntry report) {
        return user.isAdmin() || user.isMemberOfUnit(report.unitCode()) || (report.seenByFinance() && isFinance(user));
    }

    /** Only a clerk of the unit starts its reports. */
    public boolean canStart(CurrentUser user, String unitCode) {
        return user.isClerkOf(unitCode);
    }

    /** 更正 a published report: the finance bureau (which accepted it) and administrators. */
    public boolean canCorrect(CurrentUser user) {
        return user.isAdmin() || isFinance(user);
    }

    public boolean isFinance(CurrentUser user) {
        return user.inGroup(financeGroup);
    }

    /** What the user may see in a report list: the same rule as {@link #canRead}, as a query filter. */
    public ReportIndex.Visibility visibility(CurrentUser user) {
        java.util.Set<String> units = new java.util.TreeSet<>(user.clerkUnits());
        units.addAll(user.leaderUnits());
        return new ReportIndex.Visibility(user.isAdmin(), units, isFinance(user));
    }
}
