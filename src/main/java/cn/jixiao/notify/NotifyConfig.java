package cn.jixiao.notify;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Wires the notification channel. Spring Boot creates a {@link JavaMailSender} only when {@code spring.mail.host}
 * is set; without one, mail is off and the application starts all the same. An empty host (as a blank environment
 * variable gives) counts as set for Spring Boot but would mail to localhost: here it means off as well.
 */
@Configuration
public class NotifyConfig {

    @Bean
    public Notifications notifications(
            IdentityService identityService, ObjectProvider<JavaMailSender> mailSender, NotifyProperties properties) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl impl
                && (impl.getHost() == null || impl.getHost().isBlank())) {
            sender = null;
        }
        return new Notifications(identityService, sender, properties);
    }
}
