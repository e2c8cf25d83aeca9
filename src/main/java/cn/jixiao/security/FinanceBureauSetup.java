package cn.jixiao.security;

import cn.jixiao.JixiaoProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Makes sure the finance bureau's group exists with its standing rights (no users: those are added in Admin). */
@Component
@Order(10)
class FinanceBureauSetup implements ApplicationRunner {

    private final IdentityGroups groups;
    private final RoleAuthorizations roles;
    private final JixiaoProperties properties;

    FinanceBureauSetup(IdentityGroups groups, RoleAuthorizations roles, JixiaoProperties properties) {
        this.groups = groups;
        this.roles = roles;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String id = properties.financeGroup();
        groups.createIfMissing(id, properties.financeGroupName(), "FINANCE_BUREAU");
        roles.grantFinance(id);
    }
}
