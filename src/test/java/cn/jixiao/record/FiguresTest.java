package cn.jixiao.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FiguresTest {

    /** The default bands: 优 [90,100], 良 [80,90), 中 [60,80), 差 below 60. */
    static final cn.jixiao.scoring.GradeTable BANDS = score -> score.compareTo(BigDecimal.valueOf(100)) > 0
            ? null
            : score.compareTo(BigDecimal.valueOf(90)) >= 0
                    ? "优"
                    : score.compareTo(BigDecimal.valueOf(80)) >= 0
                            ? "良"
                            : score.compareTo(BigDecimal.valueOf(60)) >= 0 ? "中" : "差";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void theEvaluationsOwnNumbersAndTheMeanOfTheProjectsAsTheReportsTotal() throws Exception {
        JsonNode report =
                json("{'projects': [{'funds': {'total': {'initialBudget': 400, 'annualBudget': 400, 'executed': 390},"
                        + " 'currentYearGrant': {'initialBudget': 400, 'annualBudget': 400, 'executed': 390}}},"
                        + " {'funds': {'total': {'initialBudget': 100.5, 'annualBudget': 120, 'executed': 60}}}]}");
        JsonNode evaluation = json("{'projects': [{'name': 'A', 'executionRate': 97.5, 'fundsScore': 9.75, 'levels': ["
                + "{'level1': '产出指标', 'weight': 50, 'score': 47}, {'level1': '效益指标', 'weight': 30, 'score': 28},"
                + "{'level1': '满意度指标', 'weight': 10, 'score': 10}], 'totalScore': 94.75, 'grade': '优'},"
                + " {'name': 'B', 'executionRate': 50, 'fundsScore': 5, 'levels': [], 'totalScore': 80.1, 'grade': '良'}],"
                + " 'findings': [{'severity': 'WARNING'}, {'severity': 'WARNING'}]}");
        Figures f = Figures.of(report, evaluation, BANDS);
        assertThat(f.totalScore()).isEqualByComparingTo("87.43"); // (94.75 + 80.1) / 2 = 87.425, half-up
        assertThat(f.grade()).isEqualTo("良");
        assertThat(f.errors()).isZero();
        assertThat(f.warnings()).isEqualTo(2);
        assertThat(f.initialBudget()).isEqualByComparingTo("500.5");
        assertThat(f.annualBudget()).isEqualByComparingTo("520");
        assertThat(f.executed()).isEqualByComparingTo("450");
        Figures.Project a = f.projects().get(0);
        assertThat(a.funds()).hasSize(12);
        assertThat(a.funds().get(4)).isEqualByComparingTo("400");
        assertThat(a.funds().get(6)).as("a line the report leaves out").isNull();
        assertThat(a.executionRate()).isEqualByComparingTo("97.5");
        assertThat(a.outputScore()).isEqualByComparingTo("47");
        assertThat(a.effectScore()).isEqualByComparingTo("28");
        assertThat(a.satisfactionScore()).isEqualByComparingTo("10");
        assertThat(a.grade()).isEqualTo("优");
        assertThat(f.projects().get(1).outputScore()).isNull();
    }

    @Test
    void anErrorLeavesTheReportUngraded() throws Exception {
        Figures f = Figures.of(
                json("{'projects': [{}]}"),
                json("{'projects': [{'name': 'A', 'totalScore': 105.75,"
                        + " 'grade': null}], 'findings': [{'severity': 'ERROR'}, {'severity': 'WARNING'}]}"),
                BANDS);
        assertThat(f.totalScore()).isEqualByComparingTo("105.75");
        assertThat(f.grade()).isNull();
        assertThat(f.errors()).isEqualTo(1);
        assertThat(f.projects().get(0).grade()).isNull();
    }

    @Test
    void noProjectsNoScoreAndHugeAmountsAreLeftOut() throws Exception {
        assertThat(Figures.of(json("{}"), json("{'projects': [], 'findings': []}"), BANDS)
                        .totalScore())
                .isNull();
        assertThat(Figures.number(MAPPER.getNodeFactory().numberNode(new BigDecimal("1E+40"))))
                .isNull();
        assertThat(Figures.number(MAPPER.getNodeFactory().numberNode(new BigDecimal("12.34"))))
                .isEqualByComparingTo("12.34");
    }
}
