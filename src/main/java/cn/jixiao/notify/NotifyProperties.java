package cn.jixiao.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code jixiao.notify.*}: the mail sender and the webhook robots per unit code (key {@code finance}
 * for the finance bureau). The SMTP server itself is Spring Boot's {@code spring.mail.*}. A webhook without a URL or
 * kind stops the start-up with its key named, rather than a campaign finding out at the deadline.
 */
@ConfigurationProperties("jixiao.notify")
public record NotifyProperties(
        String from,
        String fromName,
        Map<String, Webhook> webhooks,
        Integer webhookAttempts,
        Duration webhookBackoff,
        Duration webhookConnectTimeout,
        Duration webhookReadTimeout) {

    /** The webhook key of the finance bureau, whose robot gets the notices that concern no unit. */
    public static final String FINANCE_KEY = "finance";

    public NotifyProperties {
        from = from == null || from.isBlank() ? "jixiao@localhost" : from.strip();
        fromName = fromName == null || fromName.isBlank() ? "部门整体支出绩效自评系统" : fromName.strip();
        // Keys are unit codes such as 430423-JYJ; matched without regard to case, since environment variables and some
        // property sources lower-case them.
        TreeMap<String, Webhook> byKey = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (webhooks != null) {
            webhooks.forEach((key, hook) -> byKey.put(key, validated(key, hook)));
        }
        webhooks = Collections.unmodifiableSortedMap(byKey);
        webhookAttempts = webhookAttempts == null ? 3 : webhookAttempts;
        if (webhookAttempts < 1) {
            throw new IllegalArgumentException("jixiao.notify.webhook-attempts must be at least 1");
        }
        webhookBackoff = webhookBackoff == null ? Duration.ofSeconds(1) : webhookBackoff;
        webhookConnectTimeout = webhookConnectTimeout == null ? Duration.ofSeconds(3) : webhookConnectTimeout;
        webhookReadTimeout = webhookReadTimeout == null ? Duration.ofSeconds(5) : webhookReadTimeout;
    }

    /** The defaults: sender jixiao@localhost, no webhooks, 3 attempts 1 s then 2 s apart, timeouts 3 s / 5 s. */
    public static NotifyProperties defaults() {
        return new NotifyProperties(null, null, null, null, null, null, null);
    }

    /** The robot of a unit code, or of the finance bureau for {@code null}. */
    public Optional<Webhook> webhookFor(String unitCode) {
        return Optional.ofNullable(webhooks.get(keyOf(unitCode)));
    }

    static String keyOf(String unitCode) {
        return unitCode == null ? FINANCE_KEY : unitCode;
    }

    private static Webhook validated(String key, Webhook hook) {
        String where = "jixiao.notify.webhooks." + key;
        if (hook == null || hook.url() == null || hook.url().isBlank()) {
            throw new IllegalArgumentException(where + ".url is required");
        }
        if (hook.kind() == null) {
            throw new IllegalArgumentException(where + ".kind is required: dingtalk or wecom");
        }
        URI uri;
        try {
            uri = URI.create(hook.url().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".url is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(where + ".url must be an http(s) URL");
        }
        return hook;
    }

    /**
     * One robot.
     *
     * @param url the robot's webhook address with its token (keep it out of the repository: an environment variable)
     * @param secret DingTalk's 加签 secret ({@code SEC…}) if the robot uses signing; ignored for WeCom
     */
    public record Webhook(String url, RobotKind kind, String secret) {

        /** The host alone, for logs: the URL's query carries the robot's token. */
        public String host() {
            URI uri = URI.create(url.strip());
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        }

        @Override
        public String toString() {
            return "Webhook[" + kind + " " + host() + "]";
        }
    }
}
