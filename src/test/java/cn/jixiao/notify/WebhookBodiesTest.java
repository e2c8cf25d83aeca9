package cn.jixiao.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookBodiesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void bothRobotsTakeATextMessage() {
        assertThat(WebhookBodies.body(RobotKind.DINGTALK, "【催报】衡山县教育局"))
                .isEqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"【催报】衡山县教育局\"}}");
        assertThat(WebhookBodies.body(RobotKind.WECOM, "【逾期】衡山县教育局"))
                .isEqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"【逾期】衡山县教育局\"}}");
    }

    @Test
    void quotesNewlinesAndBackslashesAreEscaped() throws Exception {
        String content = "第一行 \"引号\"\n第二行 \\ 反斜杠\t制表";
        JsonNode body = json.readTree(WebhookBodies.body(RobotKind.WECOM, content));
        assertThat(body.path("text").path("content").asText()).isEqualTo(content);
        assertThat(body.path("msgtype").asText()).isEqualTo("text");
        assertThat(body.size()).isEqualTo(2);
    }

    @Test
    void theContentIsSubjectThenText() {
        Notice notice =
                Notice.reminder("430423-JYJ", NoticeTexts.reminder("衡山县教育局", 2024, LocalDate.of(2025, 4, 30), 3, null));
        assertThat(WebhookBodies.content(notice)).isEqualTo(notice.subject() + "\n\n" + notice.text());
    }

    @Test
    void aLongSummaryIsCutToWecomsLimitAtACharacterBoundary() throws Exception {
        List<String> units = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            units.add("衡山县第" + i + "单位😀");
        }
        NoticeText text = NoticeTexts.overdueSummary(2024, LocalDate.of(2025, 4, 30), units);
        String content = text.subject() + "\n\n" + text.body();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(WebhookBodies.WECOM_MAX_BYTES);

        String sent = json.readTree(WebhookBodies.body(RobotKind.WECOM, content))
                .path("text")
                .path("content")
                .asText();

        int bytes = sent.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes)
                .isLessThanOrEqualTo(WebhookBodies.WECOM_MAX_BYTES)
                .isGreaterThan(WebhookBodies.WECOM_MAX_BYTES - 8);
        assertThat(sent).endsWith(WebhookBodies.CUT_NOTE).startsWith(text.subject());
        String kept = sent.substring(0, sent.length() - WebhookBodies.CUT_NOTE.length());
        assertThat(content).startsWith(kept);
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
        // DingTalk takes it whole.
        assertThat(json.readTree(WebhookBodies.body(RobotKind.DINGTALK, content))
                        .path("text")
                        .path("content")
                        .asText())
                .isEqualTo(content);
    }

    @Test
    void aShortContentIsKeptWhole() {
        String exactly = "汉".repeat(WebhookBodies.WECOM_MAX_BYTES / 3) + "ab";
        assertThat(exactly.getBytes(StandardCharsets.UTF_8)).hasSize(WebhookBodies.WECOM_MAX_BYTES);
        assertThat(WebhookBodies.fit(exactly, WebhookBodies.WECOM_MAX_BYTES)).isEqualTo(exactly);
        assertThat(WebhookBodies.fit(exactly + "c", WebhookBodies.WECOM_MAX_BYTES))
                .endsWith(WebhookBodies.CUT_NOTE);
    }

    @Test
    void aRobotsNonZeroErrcodeIsARefusal() {
        assertThat(WebhookBodies.refusal("{\"errcode\":0,\"errmsg\":\"ok\"}")).isNull();
        assertThat(WebhookBodies.refusal("{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}"))
                .isEqualTo("errcode 310000: keywords not in content");
        assertThat(WebhookBodies.refusal("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"))
                .contains("93000");
        assertThat(WebhookBodies.refusal("")).isNull();
        assertThat(WebhookBodies.refusal("ok")).isNull();
        assertThat(WebhookBodies.refusal("{\"status\":\"fine\"}")).isNull();
    }

    @Test
    void dingTalkSigningMatchesItsDocumentedRecipe() {
        // HmacSHA256(secret, timestamp + "\n" + secret), Base64, URL-encoded; value computed independently (Python).
        String sign = DingTalkSigning.sign("SECtest-secret-for-unit-tests", 1700000000000L);
        assertThat(sign).isEqualTo("Jyq6mccm6ua76hriSMO0aWjLHweUkV5IfII0iRHs1vs%3D");
        assertThat(DingTalkSigning.signedUrl(
                        "https://robot.example/send?access_token=t", "SECtest-secret-for-unit-tests", 1700000000000L))
                .isEqualTo("https://robot.example/send?access_token=t&timestamp=1700000000000&sign=" + sign);
    }
}
