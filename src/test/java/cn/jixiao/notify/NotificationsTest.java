package cn.jixiao.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.notify.RobotServer.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The channels together: mail to GreenMail (a real SMTP server on a free port) and robots on a local HTTP server.
 * Recipients come from a fixed address book here; resolving Camunda's users and groups is tested on an engine in
 * cn.jixiao.workflow.NotificationsOnEngineTest.
 */
class NotificationsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String JYJ = "430423-JYJ";
    private static final LocalDate DEADLINE = LocalDate.of(2025, 4, 30);
    private final ObjectMapper json = new ObjectMapper();

    private final FakeAddressBook directory = new FakeAddressBook()
            .group(
                    "unit-430423-JYJ-clerks",
                    new Addressee("clerk2", "赵小红", "clerk2@demo.jixiao.cn"),
                    new Addressee("clerk3", "钱多多", null))
            .group("finance-bureau", new Addressee("finance", "刘科长", "finance@demo.jixiao.cn"));

    private final Notice reminder = Notice.reminder(JYJ, NoticeTexts.reminder("衡山县教育局", 2024, DEADLINE, 3, null));

    @Test
    void mailAndTheUnitsDingTalkRobotBothGetTheReminder() throws Exception {
        try (RobotServer robot = RobotServer.answeringOk()) {
            Notifications notifications = notifications(
                    mailSender(smtp.getSmtp().getPort()),
                    Map.of(
                            JYJ,
                            new NotifyProperties.Webhook(
                                    robot.url("/robot/send?access_token=t0k"), RobotKind.DINGTALK, "SECsecret")));

            NotifyResult result = notifications.send(reminder);

            assertThat(result.ok()).isTrue();
            assertThat(result.mailed()).isEqualTo(1);
            assertThat(result.skipped()).isEqualTo(1);
            assertThat(result.skippedUserIds()).containsExactly("clerk3");
            assertThat(result.mailOff()).isFalse();
            assertThat(result.webhooksDelivered()).containsExactly(JYJ);

            MimeMessage mail = single(smtp.getReceivedMessages());
            assertThat(mail.getSubject()).isEqualTo(reminder.subject());
            assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
            assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo(reminder.text());
            assertThat(mail.getHeader("X-Jixiao-Notice", null)).isEqualTo("REMINDER");

            RobotServer.Request post = single(robot.requests());
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.contentType()).isEqualToIgnoringCase("application/json; charset=utf-8");
            assertThat(post.uri().getPath()).isEqualTo("/robot/send");
            assertThat(post.uri().getRawQuery())
                    .startsWith("access_token=t0k&timestamp=")
                    .contains("&sign=");
            JsonNode body = json.readTree(post.body());
            assertThat(body.path("msgtype").asText()).isEqualTo("text");
            assertThat(body.path("text").path("content").asText())
                    .isEqualTo(reminder.subject() + "\n\n" + reminder.text())
                    .contains("衡山县教育局", "2024年度", "2025年4月30日");
            assertThat(post.bodyText()).contains("【催报】衡山县教育局");
        }
    }

    @Test
    void theSummaryGoesToTheFinanceBureausWecomRobotNotToAUnits() throws Exception {
        try (RobotServer finance = RobotServer.answeringOk();
                RobotServer unit = RobotServer.answeringOk()) {
            Notifications notifications = notifications(
                    mailSender(smtp.getSmtp().getPort()),
                    Map.of(
                            NotifyProperties.FINANCE_KEY,
                            new NotifyProperties.Webhook(
                                    finance.url("/cgi-bin/webhook/send?key=f"), RobotKind.WECOM, null),
                            JYJ,
                            new NotifyProperties.Webhook(unit.url("/u"), RobotKind.WECOM, null)));
            Notice summary = Notice.overdueSummary(
                    "finance-bureau", NoticeTexts.overdueSummary(2024, DEADLINE, List.of("衡山县教育局", "衡山县行政审批服务局")));

            NotifyResult result = notifications.send(summary);

            assertThat(result.webhooksDelivered()).containsExactly("finance");
            assertThat(unit.requests()).isEmpty();
            RobotServer.Request post = single(finance.requests());
            assertThat(post.uri().getRawQuery()).isEqualTo("key=f");
            assertThat(post.bodyText())
                    .isEqualTo(WebhookBodies.body(RobotKind.WECOM, summary.subject() + "\n\n" + summary.text()));
            assertThat(json.readTree(post.body()).path("text").path("content").asText())
                    .contains("1. 衡山县教育局\n2. 衡山县行政审批服务局");
            MimeMessage mail = single(smtp.getReceivedMessages());
            assertThat(mail.getRecipients(Message.RecipientType.TO))
                    .extracting(a -> ((InternetAddress) a).getAddress())
                    .containsExactly("finance@demo.jixiao.cn");
            assertThat(mail.getSubject()).isEqualTo("【逾期汇总】2024年度部门整体支出绩效自评报告逾期未提交单位（共2个）");
        }
    }

    @Test
    void aRobotAnswering500IsTriedThreeTimesAndReportedWhileTheMailGoesOut() throws Exception {
        try (RobotServer robot = new RobotServer(Answer.of(500, "{\"error\":\"boom\"}"))) {
            Notifications notifications = notifications(
                    mailSender(smtp.getSmtp().getPort()),
                    Map.of(JYJ, new NotifyProperties.Webhook(robot.url("/hook"), RobotKind.WECOM, null)));

            NotifyResult result = notifications.send(reminder);

            assertThat(robot.requests()).hasSize(3);
            assertThat(result.ok()).isFalse();
            assertThat(result.failedChannels()).containsExactly("webhook:" + JYJ);
            assertThat(result.failures().get("webhook:" + JYJ))
                    .contains("HTTP 500")
                    .contains("3 attempts");
            assertThat(result.webhooksDelivered()).isEmpty();
            assertThat(result.mailed()).isEqualTo(1);
            assertThat(single(smtp.getReceivedMessages()).getSubject()).isEqualTo(reminder.subject());
        }
    }

    @Test
    void aRobotThatRecoversOnTheSecondAttemptDelivers() throws Exception {
        try (RobotServer robot =
                new RobotServer(Answer.of(503, ""), Answer.of(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"))) {
            NotifyResult result = notifications(
                            null, Map.of(JYJ, new NotifyProperties.Webhook(robot.url("/hook"), RobotKind.WECOM, null)))
                    .send(reminder);

            assertThat(robot.requests()).hasSize(2);
            assertThat(result.ok()).isTrue();
            assertThat(result.webhooksDelivered()).containsExactly(JYJ);
            assertThat(robot.requests().get(0).bodyText())
                    .isEqualTo(robot.requests().get(1).bodyText());
        }
    }

    @Test
    void aRobotsRefusalWithStatus200IsAFailure() {
        try (RobotServer robot =
                new RobotServer(Answer.of(200, "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}"))) {
            NotifyResult result = notifications(
                            null,
                            Map.of(
                                    JYJ,
                                    new NotifyProperties.Webhook(robot.url("/robot/send"), RobotKind.DINGTALK, null)))
                    .send(reminder);

            assertThat(result.failures().get("webhook:" + JYJ)).contains("errcode 310000");
            assertThat(robot.requests()).hasSize(3);
        }
    }

    @Test
    void aRobotThatIsNotThereOrTooSlowFailsWithinTheTimeouts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RobotServer slow = new RobotServer(new Answer(200, "{}", Duration.ofSeconds(3)))) {
            NotifyProperties properties = new NotifyProperties(
                    null,
                    null,
                    Map.of(
                            JYJ,
                            new NotifyProperties.Webhook(
                                    "http://127.0.0.1:" + closedPort + "/hook", RobotKind.WECOM, null),
                            NotifyProperties.FINANCE_KEY,
                            new NotifyProperties.Webhook(slow.url("/hook"), RobotKind.WECOM, null)),
                    2,
                    Duration.ofMillis(10),
                    Duration.ofMillis(500),
                    Duration.ofMillis(300));
            Notifications notifications = new Notifications(
                    directory,
                    new MailChannel(mailSender(smtp.getSmtp().getPort()), properties.from(), properties.fromName()),
                    new WebhookChannel(properties));

            NotifyResult refused = notifications.send(reminder);
            long start = System.nanoTime();
            NotifyResult timedOut = notifications.send(Notice.overdueSummary(
                    "finance-bureau", NoticeTexts.overdueSummary(2024, DEADLINE, List.of("衡山县教育局"))));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(refused.failures().get("webhook:" + JYJ)).contains("ConnectException");
            assertThat(refused.mailed()).isEqualTo(1);
            assertThat(timedOut.failures().get("webhook:finance")).contains("HttpTimeoutException");
            assertThat(timedOut.mailed()).isEqualTo(1);
            assertThat(slow.requests()).hasSize(2);
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void withoutAnSmtpServerMailIsOffAndTheRobotStillPosts() {
        try (RobotServer robot = RobotServer.answeringOk()) {
            NotifyResult result = notifications(
                            null, Map.of(JYJ, new NotifyProperties.Webhook(robot.url("/hook"), RobotKind.WECOM, null)))
                    .send(reminder);

            assertThat(result.mailOff()).isTrue();
            assertThat(result.ok()).isTrue();
            assertThat(result.mailed()).isZero();
            assertThat(result.skipped()).isEqualTo(1);
            assertThat(result.webhooksDelivered()).containsExactly(JYJ);
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void anSmtpServerThatIsDownFailsTheMailChannelOnlyAndNothingIsThrown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RobotServer robot = RobotServer.answeringOk()) {
            NotifyResult result = notifications(
                            mailSender(closedPort),
                            Map.of(JYJ, new NotifyProperties.Webhook(robot.url("/hook"), RobotKind.WECOM, null)))
                    .send(reminder);

            assertThat(result.failedChannels()).containsExactly("mail");
            assertThat(result.failures().get("mail")).contains("clerk2");
            assertThat(result.mailed()).isZero();
            assertThat(result.mailOff()).isFalse();
            assertThat(result.webhooksDelivered()).containsExactly(JYJ);
        }
    }

    @Test
    void noRobotConfiguredMeansNoWebhookAndNoFailure() {
        NotifyResult result =
                notifications(mailSender(smtp.getSmtp().getPort()), Map.of()).send(reminder);

        assertThat(result.ok()).isTrue();
        assertThat(result.webhooksDelivered()).isEmpty();
        assertThat(result.mailed()).isEqualTo(1);
    }

    private Notifications notifications(JavaMailSenderImpl sender, Map<String, NotifyProperties.Webhook> webhooks) {
        NotifyProperties properties =
                new NotifyProperties("notify@czj.example.cn", null, webhooks, 3, Duration.ofMillis(10), null, null);
        return new Notifications(
                directory,
                new MailChannel(sender, properties.from(), properties.fromName()),
                new WebhookChannel(properties));
    }

    static JavaMailSenderImpl mailSender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "3000");
        properties.setProperty("mail.smtp.timeout", "3000");
        properties.setProperty("mail.smtp.writetimeout", "3000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static MimeMessage single(MimeMessage[] items) {
        return single(Arrays.asList(items));
    }
}
