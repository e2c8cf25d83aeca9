package cn.jixiao.security;

import cn.jixiao.JixiaoProperties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Makes sure the finance bureau's group exists with its standing rights (no users: those are added in Admin). */
@Component
@Order(10)
public class FinanceBureauSetup implements ApplicationRunner {

  private final IdentityService identityService;
  private final RoleAuthorizations roles;
  private final JixiaoProperties properties;

  public FinanceBureauSetup(IdentityService identityService, RoleAuthorizations roles, JixiaoProperties properties) {
    this.identityService = identityService;
    this.roles = roles;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    String id = properties.financeGroup();
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
      group.setName(properties.financeGroupName());
      group.setType("FINANCE_BUREAU");
      identityService.saveGroup(group);
    }
    roles.grantFinance(id);
  }
}
