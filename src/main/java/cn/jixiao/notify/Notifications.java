package cn.jixiao.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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
 * plus the backoff (about 27 s with the defaults) before {@link #send} returns. Inside the engine's transaction use
 * {@link #sendAfterCommit}.
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
        this(
                new CamundaAddressBook(identityService),
                new MailChannel(mailSender, properties.from(), properties.fromName()),
                new WebhookChannel(properties));
    }

    Notifications(AddressBook addressBook, MailChannel mail, WebhookChannel webhooks) {
        this.addressBook = addressBook;
        this.mail = mail;
        this.webhooks = webhooks;
    }

    /** Sends one notice on every channel now; never throws for a delivery that failed. */
    public NotifyResult send(Notice notice) {
        return deliver(notice, resolve(notice));
    }

    /**
     * Sends the notice once the current Camunda transaction has committed, or now if there is none. For callers inside
     * the engine (a timer job's delegate): the recipients are looked up in the transaction, the mail and the robots
     * only after it committed, so a job that rolls back and is retried sends nothing twice, and no transaction is held
     * open while a robot is retried. The result is logged; nothing is returned.
     */
    public void sendAfterCommit(Notice notice) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            send(notice);
            return;
        }
        Recipients recipients = resolve(notice);
        commandContext
                .getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, committed -> deliver(notice, recipients));
    }

    private record Recipients(Addressees addressees, RuntimeException failure) {}

    private Recipients resolve(Notice notice) {
        try {
            return new Recipients(addressBook.resolve(notice.userIds(), notice.groupIds()), null);
        } catch (RuntimeException e) {
            LOG.error("{} notice of {}: recipients could not be looked up", notice.kind(), keyOf(notice), e);
            return new Recipients(null, e);
        }
    }

    private NotifyResult deliver(Notice notice, Recipients recipients) {
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        int mailed = 0;
        if (recipients.failure() != null) {
            failures.put(NotifyResult.MAIL, "recipients: " + recipients.failure());
        } else {
            try {
                skipped.addAll(recipients.addressees().withoutAddress());
                MailOutcome outcome = mail.send(notice, recipients.addressees().withAddress());
                mailed = outcome.sent();
                if (!outcome.failedUserIds().isEmpty()) {
                    failures.put(NotifyResult.MAIL, "not sent to " + String.join(", ", outcome.failedUserIds()));
                }
            } catch (RuntimeException e) {
                LOG.error("{} notice of {}: mail failed", notice.kind(), keyOf(notice), e);
                failures.put(NotifyResult.MAIL, e.toString());
            }
        }
        List<String> delivered = new ArrayList<>();
        try {
            webhooks.post(notice).ifPresent(outcome -> {
                if (outcome.delivered()) {
                    delivered.add(outcome.key());
                } else {
                    failures.put(
                            NotifyResult.WEBHOOK_PREFIX + outcome.key(),
                            outcome.lastError() + " (" + outcome.attempts() + " attempts)");
                }
            });
        } catch (RuntimeException e) {
            LOG.error("{} notice of {}: webhook failed", notice.kind(), keyOf(notice), e);
            failures.put(NotifyResult.WEBHOOK_PREFIX + keyOf(notice), e.toString());
        }
        NotifyResult result = new NotifyResult(
                notice.kind(), notice.unitCode(), mailed, skipped.size(), skipped, mail.isOff(), delivered, failures);
        LOG.info(
                "{} notice of {}: {} mailed{}, {} without an e-mail address{}, webhooks delivered {}{}",
                notice.kind(),
                keyOf(notice),
                mailed,
                mail.isOff() ? " (mail off)" : "",
                skipped.size(),
                skipped.isEmpty() ? "" : " " + skipped,
                delivered,
                failures.isEmpty() ? "" : ", failed " + failures);
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
