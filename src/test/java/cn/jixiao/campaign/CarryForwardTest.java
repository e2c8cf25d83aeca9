package cn.jixiao.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarryForwardTest {

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonNode sample() throws Exception {
        try (InputStream in =
                getClass().getResourceAsStream("/examples/hengshan-approval-bureau-2022.corrected.json")) {
            return mapper.readTree(in);
        }
    }

    @Test
    void takesWhatRarelyChangesAndNoFigureOfTheOldYear() throws Exception {
        JsonNode earlier = sample();
        Map<String, JsonNode> sections = CarryForward.from(earlier);

        assertThat(sections).containsOnlyKeys("basicInfo", "projects");
        assertThat(sections.get("basicInfo")).isEqualTo(earlier.get("basicInfo"));
        JsonNode project = sections.get("projects").get(0);
        assertThat(project.get("name")).isEqualTo(earlier.at("/projects/0/name"));
        assertThat(project.fieldNames())
                .toIterable()
                .allMatch(f -> f.equals("name") || f.equals("supervisor") || f.equals("implementer"));
        assertThat(sections.get("projects")).hasSameSizeAs(earlier.get("projects"));
        assertThat(sections.toString())
                .doesNotContain("funds")
                .doesNotContain("indicators")
                .doesNotContain("budget");
    }

    @Test
    void withoutAnEarlierReportNothingIsCarried() {
        assertThat(CarryForward.from(null)).isEmpty();
        assertThat(CarryForward.from(mapper.createObjectNode())).isEmpty();
    }
}
