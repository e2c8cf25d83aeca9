package cn.jixiao.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The JSON each robot takes for a text message, as pure functions: DingTalk's custom robot and WeCom's group robot
 * both read {@code {"msgtype":"text","text":{"content":"…"}}} in UTF-8. WeCom refuses a content over 2,048 bytes and
 * a long overdue summary can pass that, so the content is cut at a character boundary with a note that the mail
 * has it all; DingTalk's limit is larger, and 15,000 bytes is kept as ours.
 */
final class WebhookBodies {

    static final int WECOM_MAX_BYTES = 2048;
    static final int DINGTALK_MAX_BYTES = 15_000;
    static final String CUT_NOTE = "\n……（内容过长，完整内容见邮件）";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBodies() {}

    /** The text a robot posts for a notice: subject, a blank line, the text. */
    static String content(Notice notice) {
        return notice.subject() + "\n\n" + notice.text();
    }

    static String body(RobotKind kind, String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("msgtype", "text");
        body.putObject("text").put("content", fit(content, maxBytes(kind)));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int maxBytes(RobotKind kind) {
        return kind == RobotKind.WECOM ? WECOM_MAX_BYTES : DINGTALK_MAX_BYTES;
    }

    /**
     * The robot's own verdict in a 2xx answer: both answer {@code {"errcode":0,"errmsg":"ok"}} and put a refusal (bad
     * token, keyword or signature missing, too frequent) in a non-zero {@code errcode} with status 200. An answer that
     * is not such JSON counts as accepted (a proxy or a test server), as its status said.
     *
     * @return {@code null} if accepted, else the robot's errcode and errmsg
     */
    static String refusal(String responseBody) {
        if (responseBody == null || responseBody.isBlank()) {
            return null;
        }
        try {
            JsonNode answer = JSON.readTree(responseBody);
            JsonNode code = answer == null ? null : answer.get("errcode");
            if (code == null || !code.canConvertToLong() || code.asLong() == 0) {
                return null;
            }
            return "errcode " + code.asText() + ": " + answer.path("errmsg").asText("");
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The content, or as much of it as fits in {@code maxBytes} of UTF-8 with {@link #CUT_NOTE} after it. */
    static String fit(String content, int maxBytes) {
        if (content.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return content;
        }
        int room = maxBytes - CUT_NOTE.getBytes(StandardCharsets.UTF_8).length;
        CharsetEncoder encoder = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer out = ByteBuffer.allocate(Math.max(room, 0));
        CharBuffer in = CharBuffer.wrap(content);
        // The encoder stops before a character (or a surrogate pair) that does not fit whole.
        encoder.encode(in, out, true);
        return content.substring(0, in.position()) + CUT_NOTE;
    }
}
