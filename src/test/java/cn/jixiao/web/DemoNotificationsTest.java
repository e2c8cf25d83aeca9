package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.notify.Notice;
import cn.jixiao.notify.NoticeTexts;
import cn.jixiao.notify.Notifications;
import cn.jixiao.notify.NotifyResult;
import cn.jixiao.testing.HttpTestSupport;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The notification channel in the running application (the shared demo context, where no SMTP server is set): the
 * application starts with mail off, and every demo user has an address for the campaign's notices.
 */
class DemoNotificationsTest extends HttpTestSupport {

    @Autowired
    IdentityService identityService;

    @Autowired
    Notifications notifications;

    @Autowired
    ApplicationContext context;

    @Test
    void everyDemoUserHasAnEmailAddress() {
        for (String id : List.of("clerk", "leader", "clerk2", "leader2", "finance", "admin")) {
            User user = identityService.createUserQuery().userId(id).singleResult();
            assertThat(user).as(id).isNotNull();
            assertThat(user.getEmail()).as(id).isEqualTo(id + "@demo.jixiao.cn");
        }
    }

    @Test
    void withoutSpringMailHostTheApplicationRunsWithMailOff() {
        assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable())
                .isNull();
        assertThat(notifications.mailOff()).isTrue();

        NotifyResult result = notifications.send(
                Notice.overdueUnit(JYJ, NoticeTexts.overdueUnit(JYJ_NAME, 2024, LocalDate.of(2025, 4, 30))));

        assertThat(result.mailOff()).isTrue();
        assertThat(result.ok()).isTrue();
        assertThat(result.mailed()).isZero();
        assertThat(result.skipped()).isZero();
        assertThat(result.webhooksDelivered()).isEmpty();
    }
}
