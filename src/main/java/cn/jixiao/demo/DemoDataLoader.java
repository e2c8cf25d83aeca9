package cn.jixiao.demo;

import cn.jixiao.JixiaoProperties;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.security.AdministratorSetup;
import cn.jixiao.security.UserDirectory;
import cn.jixiao.unit.Unit;
import cn.jixiao.unit.UnitService;
import cn.jixiao.workflow.ReportService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo: two units of 衡山县, their clerks and leaders, the finance bureau's reviewer and an administrator, all
 * with the documented password {@code demo} and an e-mail address {@code <id>@demo.jixiao.cn} (so reminders and
 * overdue notices have somewhere to go), and one report of 衡山县行政审批服务局 filled with the corrected sample.
 * Idempotent: a restart adds nothing twice; a demo user of an older data directory without an address gets one.
 * Only with the {@code demo} profile.
 */
@Component
@Profile("demo")
@Order(100)
class DemoDataLoader implements ApplicationRunner {

    static final String PASSWORD = "demo";
    static final String MAIL_DOMAIN = "demo.jixiao.cn";
    static final Unit APPROVAL_BUREAU = new Unit("430423-XZSP", "衡山县行政审批服务局", "衡山县人民政府");
    static final Unit EDUCATION_BUREAU = new Unit("430423-JYJ", "衡山县教育局", "衡山县人民政府");
    private static final String SAMPLE = "/examples/hengshan-approval-bureau-2022.corrected.json";
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final UnitService units;
    private final IdentityService identityService;
    private final AdministratorSetup administrators;
    private final ReportService reports;
    private final UserDirectory users;
    private final ObjectMapper mapper;
    private final JixiaoProperties properties;

    DemoDataLoader(
            UnitService units,
            IdentityService identityService,
            AdministratorSetup administrators,
            ReportService reports,
            UserDirectory users,
            ObjectMapper mapper,
            JixiaoProperties properties) {
        this.units = units;
        this.identityService = identityService;
        this.administrators = administrators;
        this.reports = reports;
        this.users = users;
        this.mapper = mapper;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        units.register(APPROVAL_BUREAU);
        units.register(EDUCATION_BUREAU);
        user("clerk", "小明", "王", APPROVAL_BUREAU.clerkGroupId());
        user("leader", "局长", "李", APPROVAL_BUREAU.leaderGroupId());
        user("clerk2", "小红", "赵", EDUCATION_BUREAU.clerkGroupId());
        user("leader2", "局长", "陈", EDUCATION_BUREAU.leaderGroupId());
        user("finance", "科长", "刘", properties.financeGroup());
        // The documented demo password is shorter than the password policy allows; only demo users skip it.
        administrators.ensureAdministrator("admin", PASSWORD, true);
        withEmail(identityService.createUserQuery().userId("admin").singleResult());
        sampleReport();
    }

    private void user(String id, String firstName, String lastName, String groupId) {
        User existing = identityService.createUserQuery().userId(id).singleResult();
        if (existing == null) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email(id));
            user.setPassword(PASSWORD);
            // The documented demo password is shorter than the password policy allows; only demo users skip it.
            ((IdentityServiceImpl) identityService).saveUser(user, true);
        } else {
            withEmail(existing);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(id, groupId);
        }
    }

    private void withEmail(User user) {
        if (user != null && (user.getEmail() == null || user.getEmail().isBlank())) {
            user.setEmail(email(user.getId()));
            // No password is set here; skipping the policy keeps an old demo password from being checked again.
            ((IdentityServiceImpl) identityService).saveUser(user, true);
        }
    }

    static String email(String userId) {
        return userId + "@" + MAIL_DOMAIN;
    }

    private void sampleReport() {
        if (!reports.list(null, APPROVAL_BUREAU.code(), null, new ReportIndex.Visibility(true, List.of(), false))
                .isEmpty()) {
            return;
        }
        try (InputStream in = DemoDataLoader.class.getResourceAsStream(SAMPLE)) {
            JsonNode report = mapper.readTree(in);
            String id = reports.start(report, users.load("clerk"));
            LOG.info("Demo report started: {}", id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
