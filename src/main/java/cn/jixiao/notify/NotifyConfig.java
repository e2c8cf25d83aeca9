package cn.jixiao.notify;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Wires the notification channel. Spring Boot creates a {@link JavaMailSender} only when {@code spring.mail.host}
 * is set; without one, mail is off and the application starts all the same.
 */
@Configuration
public class NotifyConfig {

  @Bean
  public Notifications notifications(IdentityService identityService, ObjectProvider<JavaMailSender> mailSender,
      NotifyProperties properties) {
    return new Notifications(identityService, mailSender.getIfAvailable(), properties);
  }
}
