package cn.jixiao.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Mail through Spring's {@link JavaMailSender} to the SMTP server of {@code spring.mail.*}: one message per
 * recipient, so no one sees another's address, in UTF-8 (subject encoded, plain text body). All messages of a
 * notice go over one connection. With no sender (no {@code spring.mail.host}) the channel is off: it says so once
 * in the log and every notice's result says so, and nothing fails.
 */
class MailChannel {

    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);

    private final JavaMailSender sender;
    private final String from;
    private final String fromName;

    /** @param sender {@code null} when no SMTP server is configured */
    MailChannel(JavaMailSender sender, String from, String fromName) {
        this.sender = sender;
        this.from = from;
        this.fromName = fromName;
        if (sender == null) {
            LOG.info("Mail notifications are off: spring.mail.host is not set (reminders and overdue notices go to the"
                    + " webhook robots only, if any)");
        }
    }

    boolean isOff() {
        return sender == null;
    }

    MailOutcome send(Notice notice, List<Addressee> to) {
        if (sender == null) {
            return MailOutcome.switchedOff();
        }
        if (to.isEmpty()) {
            return new MailOutcome(false, 0, List.of());
        }
        Map<MimeMessage, Addressee> messages = new IdentityHashMap<>();
        List<String> failed = new ArrayList<>();
        for (Addressee addressee : to) {
            try {
                messages.put(message(notice, addressee), addressee);
            } catch (MessagingException | UnsupportedEncodingException | MailException e) {
                LOG.warn("Could not build the {} mail to user {}: {}", notice.kind(), addressee.userId(), e.toString());
                failed.add(addressee.userId());
            }
        }
        List<String> notSent = new ArrayList<>();
        try {
            sender.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            Map<Object, Exception> refused = e.getFailedMessages();
            if (refused.isEmpty()) {
                messages.values().forEach(a -> notSent.add(a.userId()));
            } else {
                refused.keySet().stream()
                        .map(messages::get)
                        .filter(a -> a != null)
                        .forEach(a -> notSent.add(a.userId()));
            }
            LOG.warn(
                    "{} of {} {} mails could not be sent: {}",
                    notSent.size(),
                    messages.size(),
                    notice.kind(),
                    e.getMessage());
        } catch (MailException e) {
            messages.values().forEach(a -> notSent.add(a.userId()));
            LOG.warn("No {} mail could be sent ({} recipients): {}", notice.kind(), messages.size(), e.toString());
        }
        failed.addAll(notSent);
        return new MailOutcome(false, messages.size() - notSent.size(), failed);
    }

    private MimeMessage message(Notice notice, Addressee to) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from, fromName);
        helper.setTo(new InternetAddress(to.email(), to.name(), StandardCharsets.UTF_8.name()));
        helper.setSubject(notice.subject());
        helper.setSentDate(new Date());
        helper.setText(notice.text(), false);
        message.setHeader("X-Jixiao-Notice", notice.kind().name());
        return message;
    }
}
