package cn.jixiao.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of one notice, for the campaign to record and show the finance bureau.
 *
 * @param mailed mails handed to the SMTP server
 * @param skipped recipients left out: users without a (usable) e-mail address and ids that name no user
 * @param skippedUserIds their ids
 * @param mailOff no SMTP server is configured ({@code spring.mail.host}), so no mail was sent; not a failure
 * @param webhooksDelivered keys of the robots that took the notice ({@code finance} or the unit code)
 * @param failures failed channels ({@code mail}, {@code webhook:<key>}) and why, in English for the log
 */
public record NotifyResult(
        NoticeKind kind,
        String unitCode,
        int mailed,
        int skipped,
        List<String> skippedUserIds,
        boolean mailOff,
        List<String> webhooksDelivered,
        Map<String, String> failures) {

    public static final String MAIL = "mail";
    public static final String WEBHOOK_PREFIX = "webhook:";

    public NotifyResult {
        skippedUserIds = List.copyOf(skippedUserIds);
        webhooksDelivered = List.copyOf(webhooksDelivered);
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /** The channels that failed, e.g. {@code ["mail", "webhook:430423-JYJ"]}; empty when all went well. */
    public List<String> failedChannels() {
        return List.copyOf(failures.keySet());
    }

    /** No channel failed (mail being off and users without an address are not failures). */
    public boolean ok() {
        return failures.isEmpty();
    }
}
