package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationJsonTest {

    private static Evaluation withNumbers(BigDecimal rate, BigDecimal total) {
        ProjectEvaluation project = new ProjectEvaluation(
                "p",
                rate,
                new BigDecimal("9.750"),
                List.of(new LevelSubtotal("产出指标", new BigDecimal("50.00"), new BigDecimal("47.10"))),
                List.of(new IndicatorSuggestion(0, new BigDecimal("8.8235")), new IndicatorSuggestion(1, null)),
                total,
                null);
        return new Evaluation(
                List.of(project), List.of(Finding.warning("ASSETS_EQUATION", "/budget/assets/netAssets", "消息")));
    }

    @Test
    void numbersHaveAtMostTwoDecimalsAndNoExponent() throws Exception {
        String text = new ObjectMapper()
                .writeValueAsString(EvaluationJson.toJson(
                        withNumbers(new BigDecimal("1E+17"), new BigDecimal("0.00")), new ObjectMapper()));
        assertThat(text)
                .isEqualTo("{\"projects\":[{\"name\":\"p\",\"executionRate\":100000000000000000,"
                        + "\"fundsScore\":9.75,\"levels\":[{\"level1\":\"产出指标\",\"weight\":50,\"score\":47.1}],"
                        + "\"indicators\":[{\"index\":0,\"suggestedScore\":8.82},{\"index\":1,\"suggestedScore\":null}],"
                        + "\"totalScore\":0,\"grade\":null}],"
                        + "\"findings\":[{\"severity\":\"WARNING\",\"code\":\"ASSETS_EQUATION\","
                        + "\"pointer\":\"/budget/assets/netAssets\",\"message\":\"消息\"}]}");
    }

    @Test
    void nullRateIsJsonNull() {
        var json = EvaluationJson.toJson(withNumbers(null, new BigDecimal("94.75")), Samples.MAPPER);
        assertThat(json.at("/projects/0/executionRate").isNull()).isTrue();
        assertThat(json.at("/projects/0/totalScore").decimalValue()).isEqualByComparingTo("94.75");
    }

    @Test
    void emptyEvaluation() {
        var json = EvaluationJson.toJson(new Evaluation(List.of(), List.of()), Samples.MAPPER);
        assertThat(json.toString()).isEqualTo("{\"projects\":[],\"findings\":[]}");
    }
}
