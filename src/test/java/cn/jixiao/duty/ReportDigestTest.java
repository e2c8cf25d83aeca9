package cn.jixiao.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportDigestTest {

    @Test
    void namesExactlyThePartsThatChanged() {
        Map<String, String> parts =
                new HashMap<>(Map.of("budget", "{\"a\":1}", "problems", "{\"b\":2}", "unit", "{\"name\":\"x\"}"));
        ReportDigest checked = ReportDigest.decode(ReportDigest.of(parts).encoded());
        assertThat(ReportDigest.of(parts).changedFrom(checked)).isEmpty();

        parts.put("problems", "{\"b\":3}");
        parts.put("evaluation", "{}");
        parts.remove("unit");
        assertThat(ReportDigest.of(parts).changedFrom(checked)).containsExactly("evaluation", "problems", "unit");
    }

    @Test
    void anAbsentPartDiffersFromAnEmptyOne() {
        Map<String, String> absent = new HashMap<>();
        absent.put("otherNotes", null);
        assertThat(ReportDigest.of(Map.of("otherNotes", "")).changedFrom(ReportDigest.of(absent)))
                .containsExactly("otherNotes");
    }
}
