package cn.jixiao.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Production start-up: the first administrator comes from configuration (JIXIAO_ADMIN_USER, JIXIAO_ADMIN_PASSWORD).
 * Without any administrator and without a configured password the application refuses to start, rather than run
 * with no one able to manage it or with a default password.
 */
@Component
@Profile("!demo")
@Order(5)
class AdminBootstrap implements ApplicationRunner {

    private final AdministratorSetup administrators;
    private final String userId;
    private final String password;

    AdminBootstrap(
            AdministratorSetup administrators,
            @Value("${jixiao.admin.user:admin}") String userId,
            @Value("${jixiao.admin.password:}") String password) {
        this.administrators = administrators;
        this.userId = userId;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (administrators.anyAdministrator()) {
            return;
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(
                    "No administrator exists yet: set JIXIAO_ADMIN_PASSWORD (and optionally "
                            + "JIXIAO_ADMIN_USER, default 'admin') for the first start. 首次启动须通过环境变量 JIXIAO_ADMIN_PASSWORD 设置管理员密码。");
        }
        administrators.ensureAdministrator(userId, password, false);
    }
}
