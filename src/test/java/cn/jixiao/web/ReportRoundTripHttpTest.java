package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A report that goes in through POST /api/reports comes back out of GET /api/reports/{id} equal. */
class ReportRoundTripHttpTest extends HttpTestSupport {

    @Test
    void postedSampleIsReadBackEqualInDrafting() throws Exception {
        String posted = sampleText();
        long before = reportCount();

        String id = startReport("clerk", posted);

        assertThat(reportCount()).as("one report started").isEqualTo(before + 1);
        JsonNode body = report("clerk", id);
        assertThat(body.path("id").asText()).isEqualTo(id);
        assertThat(body.path("stage").asText()).isEqualTo("drafting");
        assertThat(body.path("comments").isArray())
                .as("comments is an array: %s", body.path("comments"))
                .isTrue();
        assertThat(body.path("comments")).isEmpty();

        JsonNode expected = MAPPER.readTree(posted);
        JsonNode actual = body.path("report");
        assertThat(actual.equals(NUMERIC, expected))
                .as("report read back equals the posted one%nposted: %s%nread:   %s", expected, actual)
                .isTrue();
    }

    @Test
    void numbersKeepTheirExactDecimalValue() {
        // Amounts are exact decimals: they must not pass through binary floating point on the way.
        ObjectNode report = sample();
        ((ObjectNode) report.path("budget").path("initial"))
                .put("revenueTotal", new BigDecimal("179.21"))
                .put("basicExpenditure", new BigDecimal("0.07"));

        String id = startReport("clerk", report);

        JsonNode initial = report("clerk", id).path("report").path("budget").path("initial");
        assertThat(initial.path("revenueTotal").decimalValue()).isEqualByComparingTo("179.21");
        assertThat(initial.path("basicExpenditure").decimalValue()).isEqualByComparingTo("0.07");
    }

    @Test
    void unitLeaderReadsTheReportToo() {
        String id = startReport("clerk", sample());

        JsonNode body = report("leader", id);

        assertThat(body.path("report").path("unit").path("code").asText()).isEqualTo(XZSP);
    }
}
