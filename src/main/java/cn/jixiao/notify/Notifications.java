package cn.jixiao.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The one entry point of the notification channel, which the campaign calls with each {@link Notice}: resolves the
 * notice's users and groups to e-mail addresses through Camunda's users, mails each recipient, then posts to the
 * unit's (or the finance bureau's) webhook robot, and reports what happened in a {@link NotifyResult}. Each channel
 * runs whatever became of the one before, and nothing is thrown for a failed delivery: the result says which
 * channel failed. Mail goes first, so a robot being retried never delays it.
 *
 * <p>Sending is synchronous: a robot that does not answer costs up to {@code webhook-attempts} times the timeouts
 * plus the backoff (about 27 s with the defaults) before {@link #send} returns.
 */
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final AddressBook addressBook;
  private final MailChannel mail;
  private final WebhookChannel webhooks;

  /**
   * @param mailSender the SMTP sender, or {@code null} for mail off (no {@code spring.mail.host})
   */
  public Notifications(IdentityService identityService, JavaMailSender mailSender, NotifyProperties properties) {
    this(new CamundaAddressBook(identityService), new MailChannel(mailSender, properties.from(),
        properties.fromName()), new WebhookChannel(properties));
  }

  Notifications(AddressBook addressBook, MailChannel mail, WebhookChannel webhooks) {
    this.addressBook = addressBook;
    this.mail = mail;
    this.webhooks = webhooks;
  }

  /** Sends one notice on every channel; never throws for a delivery that failed. */
  public NotifyResult send(Notice notice) {
    Map<String, String> failures = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    int mailed = 0;
    try {
      Addressees addressees = addressBook.resolve(notice.userIds(), notice.groupIds());
      skipped.addAll(addressees.withoutAddress());
      MailOutcome outcome = mail.send(notice, addressees.withAddress());
      mailed = outcome.sent();
      if (!outcome.failedUserIds().isEmpty()) {
        failures.put(NotifyResult.MAIL, "not sent to " + String.join(", ", outcome.failedUserIds()));
      }
    } catch (RuntimeException e) {
      LOG.error("{} notice of {}: recipients or mail failed", notice.kind(), keyOf(notice), e);
      failures.put(NotifyResult.MAIL, e.toString());
    }
    List<String> delivered = new ArrayList<>();
    try {
      webhooks.post(notice).ifPresent(outcome -> {
        if (outcome.delivered()) {
          delivered.add(outcome.key());
        } else {
          failures.put(NotifyResult.WEBHOOK_PREFIX + outcome.key(),
              outcome.lastError() + " (" + outcome.attempts() + " attempts)");
        }
      });
    } catch (RuntimeException e) {
      LOG.error("{} notice of {}: webhook failed", notice.kind(), keyOf(notice), e);
      failures.put(NotifyResult.WEBHOOK_PREFIX + keyOf(notice), e.toString());
    }
    NotifyResult result = new NotifyResult(notice.kind(), notice.unitCode(), mailed, skipped.size(), skipped,
        mail.isOff(), delivered, failures);
    LOG.info("{} notice of {}: {} mailed{}, {} without an e-mail address{}, webhooks delivered {}{}", notice.kind(),
        keyOf(notice), mailed, mail.isOff() ? " (mail off)" : "", skipped.size(),
        skipped.isEmpty() ? "" : " " + skipped, delivered, failures.isEmpty() ? "" : ", failed " + failures);
    return result;
  }

  /** Sends each notice in turn (see {@link #send}); the results in the same order. */
  public List<NotifyResult> sendAll(List<Notice> notices) {
    return notices.stream().map(this::send).toList();
  }

  /** Whether mail is off for lack of an SMTP server; the campaign may say so to the finance bureau. */
  public boolean mailOff() {
    return mail.isOff();
  }

  private static String keyOf(Notice notice) {
    return NotifyProperties.keyOf(notice.unitCode());
  }
}
