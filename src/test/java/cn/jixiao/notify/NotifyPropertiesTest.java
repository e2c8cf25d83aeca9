package cn.jixiao.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

class NotifyPropertiesTest {

    @Test
    void theShippedDefaultsHaveNoWebhookAndMailOff() throws IOException {
        NotifyProperties properties = bind(new ClassPathResource("application.yaml"));

        assertThat(properties.from()).isEqualTo("jixiao@localhost");
        assertThat(properties.webhooks()).isEmpty();
        assertThat(properties.webhookAttempts()).isEqualTo(3);
        assertThat(properties.webhookConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.webhookReadTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.webhookFor(null)).isEmpty();
    }

    @Test
    void theShippedMailSettingsHaveNoHostButTimeouts() throws IOException {
        List<PropertySource<?>> sources =
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
        MailProperties mail = new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("spring.mail", MailProperties.class);

        assertThat(mail.getHost()).isNull();
        assertThat(mail.getDefaultEncoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(mail.getProperties())
                .containsEntry("mail.smtp.connectiontimeout", "5000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000");
    }

    @Test
    void webhooksAreKeyedByUnitCodeAndFinance() throws IOException {
        NotifyProperties properties = bind(new ByteArrayResource("""
        jixiao:
          notify:
            from: notify@czj.example.cn
            webhooks:
              "[430423-JYJ]":
                url: https://oapi.dingtalk.com/robot/send?access_token=abc
                kind: dingtalk
                secret: SECxyz
              430423-XZSP:
                url: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k
                kind: WECOM
              finance:
                url: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=f
                kind: wecom
        """.getBytes()));

        assertThat(properties.from()).isEqualTo("notify@czj.example.cn");
        assertThat(properties.webhookFor("430423-JYJ")).get().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(RobotKind.DINGTALK);
            assertThat(h.secret()).isEqualTo("SECxyz");
            assertThat(h.toString()).doesNotContain("abc").contains("oapi.dingtalk.com");
        });
        assertThat(properties.webhookFor("430423-XZSP"))
                .get()
                .extracting(NotifyProperties.Webhook::kind)
                .isEqualTo(RobotKind.WECOM);
        assertThat(properties.webhookFor(null))
                .get()
                .extracting(NotifyProperties.Webhook::url)
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=f");
        assertThat(properties.webhookFor("430423-OTHER")).isEmpty();
    }

    @Test
    void aLowerCasedKeyStillFindsItsUnit() {
        NotifyProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "jixiao.notify.webhooks.430423-jyj.url", "http://127.0.0.1:1/robot",
                        "jixiao.notify.webhooks.430423-jyj.kind", "wecom")))
                .bind("jixiao.notify", NotifyProperties.class)
                .get();

        assertThat(properties.webhookFor("430423-JYJ")).isPresent();
    }

    @Test
    void aWebhookWithoutUrlOrKindStopsTheStartWithItsKey() {
        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(
                                Map.of("jixiao.notify.webhooks.finance.kind", "wecom")))
                        .bind("jixiao.notify", NotifyProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("jixiao.notify.webhooks.finance.url");
        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(
                                Map.of("jixiao.notify.webhooks.finance.url", "https://robot.example/x")))
                        .bind("jixiao.notify", NotifyProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(Map.of(
                                "jixiao.notify.webhooks.finance.url", "ftp://robot.example/x",
                                "jixiao.notify.webhooks.finance.kind", "wecom")))
                        .bind("jixiao.notify", NotifyProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("http(s)");
    }

    private static NotifyProperties bind(Resource yaml) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("test", yaml);
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("jixiao.notify", NotifyProperties.class);
    }
}
