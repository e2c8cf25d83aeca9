package cn.jixiao.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's 加签 for a robot with a secret: HmacSHA256 of {@code timestamp + "\n" + secret} keyed with the secret,
 * Base64, URL-encoded, sent as {@code &timestamp=…&sign=…} after the webhook URL; DingTalk refuses a timestamp more
 * than an hour off. Pure, so the signature can be checked against a known value.
 */
final class DingTalkSigning {

    private DingTalkSigning() {}

    static String signedUrl(String url, String secret, long timestampMillis) {
        String separator = url.contains("?") ? "&" : "?";
        return url + separator + "timestamp=" + timestampMillis + "&sign=" + sign(secret, timestampMillis);
    }

    static String sign(String secret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
