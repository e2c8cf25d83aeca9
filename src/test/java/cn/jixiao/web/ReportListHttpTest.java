package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * GET /api/reports filters by year, unit and stage, and lists only what the caller may read. The four reports are
 * started once for all tests of the class; the tests only read.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ReportListHttpTest extends HttpTestSupport {

    /** 行政审批服务局 2022, drafting. */
    private String drafting2022;
    /** 行政审批服务局 2023, drafting. */
    private String drafting2023;
    /** 行政审批服务局 2022, at 单位负责人审核. */
    private String inReview2022;
    /** 教育局 2022, drafting. */
    private String education2022;

    @BeforeAll
    void reports() {
        drafting2022 = startReport("clerk", sample());
        ObjectNode next = sample();
        next.put("fiscalYear", 2023);
        drafting2023 = startReport("clerk", next);
        inReview2022 = reportInInternalReview();
        education2022 = startReport("clerk2", educationSample());
    }

    @Test
    void allThreeFiltersTogether() {
        JsonNode list = list("clerk", "?fiscalYear=2022&unit=" + q(XZSP) + "&stage=drafting");

        assertThat(ids(list)).contains(drafting2022).doesNotContain(drafting2023, inReview2022, education2022);
        for (JsonNode r : list) {
            assertThat(r.path("fiscalYear").asInt()).as("%s", r).isEqualTo(2022);
            assertThat(r.path("unitCode").asText()).as("%s", r).isEqualTo(XZSP);
            assertThat(r.path("stage").asText()).as("%s", r).isEqualTo("drafting");
        }
        JsonNode mine = list.get(ids(list).indexOf(drafting2022));
        assertThat(mine.path("unitName").asText()).isEqualTo(XZSP_NAME);
        assertThat(mine.path("startedAt").isNull() || mine.path("startedAt").isMissingNode())
                .as("%s", mine)
                .isFalse();
        assertThat(mine.path("publishedOn").isNull())
                .as("not published: %s", mine)
                .isTrue();
    }

    @Test
    void fiscalYearFilter() {
        JsonNode list = list("clerk", "?fiscalYear=2023");

        assertThat(ids(list)).contains(drafting2023).doesNotContain(drafting2022, inReview2022);
        list.forEach(r -> assertThat(r.path("fiscalYear").asInt()).as("%s", r).isEqualTo(2023));
    }

    @Test
    void stageFilter() {
        JsonNode inReview = list("clerk", "?stage=internalReview");
        JsonNode drafting = list("clerk", "?stage=drafting");

        assertThat(ids(inReview)).contains(inReview2022).doesNotContain(drafting2022, drafting2023);
        inReview.forEach(r -> assertThat(r.path("stage").asText()).as("%s", r).isEqualTo("internalReview"));
        assertThat(ids(drafting)).contains(drafting2022, drafting2023).doesNotContain(inReview2022);
        assertThat(ids(list("clerk", "?stage=accepted"))).doesNotContain(drafting2022, drafting2023, inReview2022);
    }

    @Test
    void unitFilter() {
        // The administrator reads every unit, so only the filter keeps the other unit out.
        JsonNode xzsp = list("admin", "?unit=" + q(XZSP));
        JsonNode jyj = list("admin", "?unit=" + q(JYJ));

        assertThat(ids(xzsp)).contains(drafting2022, drafting2023, inReview2022).doesNotContain(education2022);
        xzsp.forEach(r -> assertThat(r.path("unitCode").asText()).as("%s", r).isEqualTo(XZSP));
        assertThat(ids(jyj)).contains(education2022).doesNotContain(drafting2022, drafting2023, inReview2022);
        jyj.forEach(r -> assertThat(r.path("unitCode").asText()).as("%s", r).isEqualTo(JYJ));
    }

    @Test
    void eachReportCarriesItsOwnUnitsName() {
        // Names are looked up for the units listed only; with two units in the list each row must still get its own.
        JsonNode all = list("admin", "");

        JsonNode xzsp = all.get(ids(all).indexOf(drafting2022));
        JsonNode jyj = all.get(ids(all).indexOf(education2022));
        assertThat(xzsp.path("unitName").asText()).as("%s", xzsp).isEqualTo(XZSP_NAME);
        assertThat(jyj.path("unitName").asText()).as("%s", jyj).isEqualTo(JYJ_NAME);
    }

    @Test
    void noFilterListsWhatTheCallerMayRead() {
        JsonNode clerk = list("clerk", "");

        assertThat(ids(clerk))
                .contains(drafting2022, drafting2023, inReview2022)
                .doesNotContain(education2022);
        clerk.forEach(r -> assertThat(r.path("unitCode").asText()).as("%s", r).isEqualTo(XZSP));
    }

    @Test
    void leader2SeesNoneOfTheApprovalBureausReports() {
        JsonNode all = list("leader2", "");
        JsonNode filtered = list("leader2", "?fiscalYear=2022&unit=" + q(XZSP) + "&stage=drafting");
        JsonNode byUnit = list("leader2", "?unit=" + q(XZSP));

        assertThat(ids(all)).contains(education2022).doesNotContain(drafting2022, drafting2023, inReview2022);
        all.forEach(r -> assertThat(r.path("unitCode").asText()).as("%s", r).isEqualTo(JYJ));
        assertThat(filtered).as("leader2, filtered to 行政审批服务局").isEmpty();
        assertThat(byUnit).as("leader2, filtered to 行政审批服务局").isEmpty();
        assertThat(get("leader2", "/api/reports").body()).doesNotContain(XZSP_NAME);
    }

    @Test
    void badFiscalYearIsRefusedInChinese() {
        Response response = get("clerk", "/api/reports?fiscalYear=abc");

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(hasChinese(response.json().path("message").asText()))
                .as("%s", response)
                .isTrue();
    }

    private JsonNode list(String user, String query) {
        Response response = get(user, "/api/reports" + query);
        assertThat(response.status())
                .as("GET /api/reports%s as %s: %s", query, user, response)
                .isEqualTo(200);
        return response.json();
    }
}
