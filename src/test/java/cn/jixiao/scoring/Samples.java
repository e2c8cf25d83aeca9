package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** Test fixtures: the two sample reports and a mapper configured like the application's. */
public final class Samples {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public static final String AS_PUBLISHED = "hengshan-approval-bureau-2022.as-published.json";
    public static final String CORRECTED = "hengshan-approval-bureau-2022.corrected.json";

    /** A simple in-memory grade table with the bands of bpmn/grade.dmn. */
    public static final GradeTable BANDS = total -> {
        if (total.compareTo(BigDecimal.valueOf(100)) > 0) {
            return null;
        }
        if (total.compareTo(BigDecimal.valueOf(90)) >= 0) {
            return "优";
        }
        if (total.compareTo(BigDecimal.valueOf(80)) >= 0) {
            return "良";
        }
        return total.compareTo(BigDecimal.valueOf(60)) >= 0 ? "中" : "差";
    };

    private Samples() {}

    public static ObjectNode load(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode corrected() {
        return load(CORRECTED);
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Re-reads the node from its text, so numbers compare by value regardless of node type. */
    public static JsonNode reparse(JsonNode node) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode project(ObjectNode report, int i) {
        return (ObjectNode) report.get("projects").get(i);
    }

    public static ObjectNode indicator(ObjectNode report, int project, int j) {
        return (ObjectNode) project(report, project).get("indicators").get(j);
    }

    public static ObjectNode at(ObjectNode report, String pointer) {
        return (ObjectNode) report.at(pointer);
    }
}
