package cn.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jixiao.notify.Notice;
import cn.jixiao.notify.NoticeKind;
import cn.jixiao.notify.NoticeTexts;
import cn.jixiao.notify.Notifications;
import cn.jixiao.notify.NotifyConfig;
import cn.jixiao.notify.NotifyProperties;
import cn.jixiao.notify.NotifyResult;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Notices resolved through a real Camunda identity service (a small in-memory engine of its own, authorizations on,
 * no Spring application) and mailed to GreenMail, a real SMTP server: who gets which mail, in Chinese, one mail per
 * person, and who is skipped. Here because it runs an engine (the workflow-test execution).
 */
@Tag("workflow")
class NotificationsOnEngineTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String XZSP = "430423-XZSP";
    private static final String JYJ = "430423-JYJ";
    private static final LocalDate DEADLINE = LocalDate.of(2025, 4, 30);

    private static ProcessEngine engine;
    private static IdentityService identity;

    @BeforeAll
    static void engineWithTwoUnits() {
        String name = "notify-" + UUID.randomUUID();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
        // Unit codes such as 430423-XZSP contain hyphens, as application.yaml allows in group ids.
        configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9_-]+|camunda-admin");
        configuration
                .setProcessEngineName(name)
                .setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=LEGACY")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
                .setJobExecutorActivate(false)
                .setAuthorizationEnabled(true);
        engine = configuration.buildProcessEngine();
        identity = engine.getIdentityService();
        group("unit-" + XZSP + "-clerks");
        group("unit-" + XZSP + "-leaders");
        group("unit-" + JYJ + "-clerks");
        group("unit-" + JYJ + "-leaders");
        group("finance-bureau");
        user("clerk", "小明", "王", "clerk@demo.jixiao.cn", "unit-" + XZSP + "-clerks");
        user("clerkb", "丽", "孙", "clerkb@demo.jixiao.cn", "unit-" + XZSP + "-clerks");
        user("clerknomail", "无邮", "吴", null, "unit-" + XZSP + "-clerks");
        user("clerkbadmail", "错址", "郑", "not an address", "unit-" + XZSP + "-clerks");
        user("leader", "局长", "李", "leader@demo.jixiao.cn", "unit-" + XZSP + "-leaders");
        user("clerk2", "小红", "赵", "clerk2@demo.jixiao.cn", "unit-" + JYJ + "-clerks");
        user("leader2", "局长", "陈", "leader2@demo.jixiao.cn", "unit-" + JYJ + "-leaders");
        user("finance", "科长", "刘", "finance@demo.jixiao.cn", "finance-bureau");
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void aReminderGoesToEachClerkOfTheUnitAloneAndInChinese() throws Exception {
        Notice notice = Notice.reminder(XZSP, NoticeTexts.reminder("衡山县行政审批服务局", 2024, DEADLINE, 3, "请同时报送纸质版一份。"));

        NotifyResult result = notifications().send(notice);

        assertThat(result.mailed()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(2);
        assertThat(result.skippedUserIds()).containsExactlyInAnyOrder("clerknomail", "clerkbadmail");
        assertThat(result.ok()).isTrue();
        assertThat(result.mailOff()).isFalse();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(byRecipient(mails)).containsOnlyKeys("clerk@demo.jixiao.cn", "clerkb@demo.jixiao.cn");
        for (MimeMessage mail : mails) {
            // One person per mail: no one sees another's address.
            assertThat(mail.getAllRecipients()).hasSize(1);
            assertThat(mail.getSubject()).isEqualTo("【催报】衡山县行政审批服务局2024年度部门整体支出绩效自评报告尚未提交（还有3天截止）");
            assertThat(mail.getHeader("Subject")[0]).startsWithIgnoringCase("=?UTF-8?");
            assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
            assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
                    .isEqualTo(notice.text())
                    .contains("衡山县行政审批服务局：", "报送截止日期为2025年4月30日，距截止还有3天", "通知内容：请同时报送纸质版一份。");
            InternetAddress from = (InternetAddress) mail.getFrom()[0];
            assertThat(from.getAddress()).isEqualTo("jixiao@localhost");
            assertThat(from.getPersonal()).isEqualTo("部门整体支出绩效自评系统");
        }
        assertThat(((InternetAddress) byRecipient(mails)
                                .get("clerk@demo.jixiao.cn")
                                .getRecipients(Message.RecipientType.TO)[0])
                        .getPersonal())
                .isEqualTo("王小明");
    }

    @Test
    void anOverdueNoticeGoesToTheUnitsLeadersAndTheSummaryToTheFinanceBureau() throws Exception {
        Notifications notifications = notifications();

        List<NotifyResult> results = notifications.sendAll(List.of(
                Notice.overdueUnit(JYJ, NoticeTexts.overdueUnit("衡山县教育局", 2024, DEADLINE)),
                Notice.overdueSummary(
                        "finance-bureau", NoticeTexts.overdueSummary(2024, DEADLINE, List.of("衡山县教育局")))));

        assertThat(results).extracting(NotifyResult::mailed).containsExactly(1, 1);
        Map<String, MimeMessage> mails = byRecipient(smtp.getReceivedMessages());
        assertThat(mails).containsOnlyKeys("leader2@demo.jixiao.cn", "finance@demo.jixiao.cn");
        assertThat(mails.get("leader2@demo.jixiao.cn").getSubject()).isEqualTo("【逾期】衡山县教育局2024年度部门整体支出绩效自评报告逾期未提交");
        assertThat((String) mails.get("leader2@demo.jixiao.cn").getContent()).startsWith("衡山县教育局负责同志：");
        assertThat((String) mails.get("finance@demo.jixiao.cn").getContent()).contains("1. 衡山县教育局");
    }

    @Test
    void namedUsersAndGroupsTogetherMailEachPersonOnceAndCountUnknownIds() throws Exception {
        Notice notice = new Notice(
                NoticeKind.REMINDER,
                "【催报】测试",
                "正文",
                List.of("clerk", "leader", "nobody"),
                List.of("unit-" + XZSP + "-clerks", "unit-" + XZSP + "-clerks"),
                XZSP);

        NotifyResult result = notifications().send(notice);

        assertThat(byRecipient(smtp.getReceivedMessages()))
                .containsOnlyKeys("clerk@demo.jixiao.cn", "clerkb@demo.jixiao.cn", "leader@demo.jixiao.cn");
        assertThat(result.mailed()).isEqualTo(3);
        assertThat(result.skippedUserIds()).containsExactlyInAnyOrder("nobody", "clerknomail", "clerkbadmail");
    }

    @Test
    void recipientsResolveEvenWhenTheCallerMayNotReadOtherUsers() {
        identity.setAuthentication("clerk2", List.of("unit-" + JYJ + "-clerks"));
        try {
            // With authorizations on, clerk2 holds no READ on users: the group looks empty to them.
            assertThat(identity.createUserQuery()
                            .memberOfGroup("finance-bureau")
                            .count())
                    .isZero();

            NotifyResult result = notifications()
                    .send(Notice.overdueSummary(
                            "finance-bureau", NoticeTexts.overdueSummary(2024, DEADLINE, List.of("衡山县教育局"))));

            assertThat(result.mailed()).isEqualTo(1);
            assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("clerk2");
            assertThat(identity.getCurrentAuthentication().getGroupIds()).containsExactly("unit-" + JYJ + "-clerks");
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void insideTheEngineNoticesGoOutOnlyOnceTheTransactionHasCommitted() {
        Notifications notifications = notifications();
        Notice notice = Notice.overdueUnit(XZSP, NoticeTexts.overdueUnit("衡山县行政审批服务局", 2024, DEADLINE));

        configuration().getCommandExecutorTxRequired().execute(commandContext -> {
            notifications.sendAfterCommit(notice);
            assertThat(smtp.getReceivedMessages()).isEmpty();
            return null;
        });

        assertThat(byRecipient(smtp.getReceivedMessages())).containsOnlyKeys("leader@demo.jixiao.cn");
    }

    @Test
    void aTransactionThatRollsBackSendsNothing() {
        Notifications notifications = notifications();

        assertThatThrownBy(() -> configuration().getCommandExecutorTxRequired().execute(commandContext -> {
                    notifications.sendAfterCommit(
                            Notice.overdueUnit(XZSP, NoticeTexts.overdueUnit("衡山县行政审批服务局", 2024, DEADLINE)));
                    throw new IllegalStateException("the job failed");
                }))
                .hasMessageContaining("the job failed");

        assertThat(smtp.getReceivedMessages()).isEmpty();
        // Outside the engine it sends at once.
        notifications.sendAfterCommit(Notice.overdueUnit(XZSP, NoticeTexts.overdueUnit("衡山县行政审批服务局", 2024, DEADLINE)));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void withoutAnSmtpServerMailIsOffButRecipientsAreStillCounted() {
        Notifications notifications = new Notifications(identity, null, NotifyProperties.defaults());

        NotifyResult result =
                notifications.send(Notice.reminder(XZSP, NoticeTexts.reminder("衡山县行政审批服务局", 2024, DEADLINE, 1, null)));

        assertThat(notifications.mailOff()).isTrue();
        assertThat(result.mailOff()).isTrue();
        assertThat(result.ok()).isTrue();
        assertThat(result.mailed()).isZero();
        assertThat(result.skipped()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void springMailPropertiesSwitchMailOnAndItsAbsenceOff() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withUserConfiguration(NotifyConfig.class, NotifySettings.class)
                .withBean(IdentityService.class, () -> identity);

        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JavaMailSender.class);
            assertThat(context.getBean(Notifications.class).mailOff()).isTrue();
        });
        runner.withPropertyValues("spring.mail.host=")
                .run(context -> assertThat(context.getBean(Notifications.class).mailOff())
                        .isTrue());
        runner.withPropertyValues(
                        "spring.mail.host=127.0.0.1",
                        "spring.mail.port=" + smtp.getSmtp().getPort(),
                        "jixiao.notify.from=notify@czj.example.cn",
                        "jixiao.notify.from-name=衡山县财政局")
                .run(context -> {
                    Notifications notifications = context.getBean(Notifications.class);
                    assertThat(notifications.mailOff()).isFalse();
                    NotifyResult result = notifications.send(
                            Notice.overdueUnit(XZSP, NoticeTexts.overdueUnit("衡山县行政审批服务局", 2024, DEADLINE)));
                    assertThat(result.mailed()).isEqualTo(1);
                    MimeMessage mail = smtp.getReceivedMessages()[0];
                    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress())
                            .isEqualTo("notify@czj.example.cn");
                    assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal())
                            .isEqualTo("衡山县财政局");
                    assertThat(mail.getAllRecipients())
                            .extracting(Address::toString)
                            .singleElement()
                            .asString()
                            .contains("leader@demo.jixiao.cn");
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NotifyProperties.class)
    static class NotifySettings {}

    private static ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private static Notifications notifications() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return new Notifications(identity, sender, NotifyProperties.defaults());
    }

    private static Map<String, MimeMessage> byRecipient(MimeMessage[] mails) {
        return Arrays.stream(mails)
                .collect(Collectors.toMap(
                        m -> {
                            try {
                                return ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
                            } catch (MessagingException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        m -> m));
    }

    private static void group(String id) {
        Group group = identity.newGroup(id);
        group.setName(id);
        identity.saveGroup(group);
    }

    private static void user(String id, String firstName, String lastName, String email, String groupId) {
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword("Passw0rd!-" + id);
        identity.saveUser(user);
        identity.createMembership(id, groupId);
    }
}
