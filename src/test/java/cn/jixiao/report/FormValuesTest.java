package cn.jixiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class FormValuesTest {

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonNode sample() throws Exception {
        try (InputStream in =
                getClass().getResourceAsStream("/examples/hengshan-approval-bureau-2022.corrected.json")) {
            return mapper.readTree(in);
        }
    }

    @Test
    void textListsBecomeObjectsForTheFormAndComeBack() throws Exception {
        JsonNode basicInfo = sample().get("basicInfo");
        JsonNode form = FormValues.toForm(basicInfo);

        assertThat(FormValues.hasTextLists(basicInfo)).isTrue();
        assertThat(FormValues.hasTextLists(form)).isFalse();
        assertThat(form.at("/responsibilities/0/text").asText()).startsWith("组织拟订全县行政审批");
        assertThat(FormValues.fromForm(form)).isEqualTo(basicInfo);
    }

    @Test
    void everySectionOfTheSampleRoundTripsThroughItsFormShape() throws Exception {
        JsonNode report = sample();
        for (Section section : Section.values()) {
            JsonNode value = report.get(section.key());
            JsonNode back = FormValues.fromForm(FormValues.toForm(value));
            assertThat(back).as(section.key()).isEqualTo(value);
        }
    }

    @Test
    void unfilledFieldsOfASubmittedFormAreDroppedButEmptyTextsStay() throws Exception {
        JsonNode submitted = mapper.readTree("""
        {"staffing": {"authorizedTotal": 14, "administrative": null, "onDuty": 14, "retired": ""},
         "responsibilities": [{"text": "职责一"}, {"text": null}, {"text": ""}, {}],
         "extra": {"a": null, "b": ""}}""");

        JsonNode clean = FormValues.fromForm(submitted);

        // An empty text stays: the schema then says "不能为空" where a text is required, and accepts it where optional.
        assertThat(clean).isEqualTo(mapper.readTree("""
        {"staffing": {"authorizedTotal": 14, "onDuty": 14, "retired": ""}, "responsibilities": ["职责一", ""],
         "extra": {"b": ""}}"""));
    }

    @Test
    void nothingEnteredIsNull() throws Exception {
        assertThat(FormValues.fromForm(mapper.readTree("{\"a\": {\"b\": null}, \"c\": null}")))
                .isNull();
        assertThat(FormValues.fromForm(null)).isNull();
    }

    @Test
    void narrativesKeepTheirTextField() throws Exception {
        JsonNode narratives = mapper.readTree("[{\"projectName\": \"大综窗标准化改革\", \"text\": \"说明\"}]");
        assertThat(FormValues.fromForm(FormValues.toForm(narratives))).isEqualTo(narratives);
    }
}
