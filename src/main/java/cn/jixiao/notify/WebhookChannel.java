package cn.jixiao.notify;

import cn.jixiao.notify.NotifyProperties.Webhook;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a notice to the robot of its unit (or the finance bureau's, for a notice of no unit) with the JDK's
 * HttpClient: connect timeout and answer timeout from {@code jixiao.notify.webhook-*-timeout} (3 s, 5 s). A failed
 * post (not 2xx, a robot's non-zero {@code errcode}, a timeout, no connection) is logged and tried again after the
 * backoff, doubling each time, up to {@code webhook-attempts}; then the outcome reports it. Logs name the key and the
 * host, never the URL, whose query is the robot's token.
 */
class WebhookChannel {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);

    private final NotifyProperties properties;
    private final HttpClient client;

    WebhookChannel(NotifyProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.webhookConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The outcome, or empty if no robot is configured for the notice's unit (or the finance bureau). */
    Optional<WebhookOutcome> post(Notice notice) {
        String key = NotifyProperties.keyOf(notice.unitCode());
        return properties.webhookFor(notice.unitCode()).map(hook -> post(key, hook, WebhookBodies.content(notice)));
    }

    WebhookOutcome post(String key, Webhook hook, String content) {
        String body = WebhookBodies.body(hook.kind(), content);
        int attempts = properties.webhookAttempts();
        Duration wait = properties.webhookBackoff();
        String error = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            error = postOnce(hook, body);
            if (error == null) {
                if (attempt > 1) {
                    LOG.info(
                            "Webhook {} ({} {}) took the notice at attempt {}", key, hook.kind(), hook.host(), attempt);
                }
                return new WebhookOutcome(key, hook.kind(), true, attempt, null);
            }
            LOG.warn(
                    "Webhook {} ({} {}) attempt {} of {} failed: {}",
                    key,
                    hook.kind(),
                    hook.host(),
                    attempt,
                    attempts,
                    error);
            if (attempt < attempts) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new WebhookOutcome(key, hook.kind(), false, attempt, "interrupted after: " + error);
                }
                wait = wait.multipliedBy(2);
            }
        }
        return new WebhookOutcome(key, hook.kind(), false, attempts, error);
    }

    /** {@code null} if the robot took it, else why not. */
    private String postOnce(Webhook hook, String body) {
        String url = hook.url().strip();
        if (hook.kind() == RobotKind.DINGTALK
                && hook.secret() != null
                && !hook.secret().isBlank()) {
            url = DingTalkSigning.signedUrl(url, hook.secret().strip(), System.currentTimeMillis());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(properties.webhookReadTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                return "HTTP " + response.statusCode();
            }
            return WebhookBodies.refusal(response.body());
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
