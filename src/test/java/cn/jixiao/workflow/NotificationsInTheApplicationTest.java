package cn.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.notify.Notice;
import cn.jixiao.notify.NoticeKind;
import cn.jixiao.notify.Notifications;
import cn.jixiao.notify.NotifyProperties;
import cn.jixiao.testing.InMemoryWorkflowTest;
import cn.jixiao.testing.WorkflowFixture;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * In the application's own engine (Spring-managed transactions, as a campaign job runs): a notice handed over inside
 * a transaction goes out when that transaction commits, not before. The application's context has no SMTP server;
 * this test gives the channel one of its own (GreenMail).
 */
class NotificationsInTheApplicationTest extends InMemoryWorkflowTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String GROUP = "wf-notify-test";

    @Test
    void aNoticeInsideASpringManagedTransactionGoesOutAfterTheCommit() {
        IdentityService identity = processEngine.getIdentityService();
        if (identity.createUserQuery().userId("wfnotified").count() == 0) {
            Group group = identity.newGroup(GROUP);
            group.setName(GROUP);
            identity.saveGroup(group);
            User user = identity.newUser("wfnotified");
            user.setFirstName("收件");
            user.setLastName("周");
            user.setEmail("wfnotified@demo.jixiao.cn");
            user.setPassword("Kx-9!Passw0rd-Test");
            identity.saveUser(user);
            identity.createMembership("wfnotified", GROUP);
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        Notifications notifications = new Notifications(identity, sender, NotifyProperties.defaults());
        Notice notice = new Notice(
                NoticeKind.REMINDER, "【催报】测试", "正文", List.of(), List.of(GROUP), WorkflowFixture.SAMPLE_UNIT.code());

        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired()
                .execute(commandContext -> {
                    notifications.sendAfterCommit(notice);
                    assertThat(smtp.getReceivedMessages()).isEmpty();
                    return null;
                });

        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }
}
