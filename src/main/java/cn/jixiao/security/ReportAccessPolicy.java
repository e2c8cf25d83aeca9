package cn.jixiao.security;

import cn.jixiao.JixiaoProperties;
import org.springframework.stereotype.Component;

/** Who may see or start a report in /api: the same rules the Camunda authorizations enforce in the engine. */
@Component
public class ReportAccessPolicy {

  private final String financeGroup;

  public ReportAccessPolicy(JixiaoProperties properties) {
    this.financeGroup = properties.financeGroup();
  }

  /** The unit's clerks and leaders always; the finance bureau once the report has reached it; administrators. */
  public boolean canRead(CurrentUser user, String unitCode, boolean seenByFinance) {
    return user.isAdmin()
        || user.isMemberOfUnit(unitCode)
        || (seenByFinance && user.inGroup(financeGroup));
  }

  /** Only a clerk of the unit starts its reports. */
  public boolean canStart(CurrentUser user, String unitCode) {
    return user.isClerkOf(unitCode);
  }

  public boolean isFinance(CurrentUser user) {
    return user.inGroup(financeGroup);
  }
}
