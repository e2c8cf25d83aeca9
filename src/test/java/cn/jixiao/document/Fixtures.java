package cn.jixiao.document;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import cn.jixiao.grading.DmnGradeTable;
import cn.jixiao.scoring.EvaluationJson;
import cn.jixiao.scoring.ReportEvaluator;
import cn.jixiao.scoring.ScoringSettings;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.slf4j.LoggerFactory;

/** Test fixtures: the sample reports, their evaluations, a minimal report, and a quiet docx4j. */
final class Fixtures {

    /** Configured like the application's mapper: floats as BigDecimal. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The 成文日期 the tests print in the 落款 unless they test the date itself. */
    static final LocalDate DATE = LocalDate.of(2023, 3, 15);

    static final String CORRECTED = "hengshan-approval-bureau-2022.corrected.json";
    static final String AS_PUBLISHED = "hengshan-approval-bureau-2022.as-published.json";

    private static final ReportEvaluator EVALUATOR =
            new ReportEvaluator(ScoringSettings.defaults(), new DmnGradeTable());

    static {
        // docx4j logs every part it touches at DEBUG; without a logging configuration that floods the test output.
        if (LoggerFactory.getLogger("org.docx4j") instanceof Logger logger) {
            logger.setLevel(Level.WARN);
        }
    }

    private Fixtures() {}

    static ObjectNode load(String name) {
        return load(name, MAPPER);
    }

    static ObjectNode load(String name, ObjectMapper mapper) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + name);
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published table transcribed in src/test/resources/tables (issue 18; sources in its README). */
    static ObjectNode table(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/tables/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing table " + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode corrected() {
        return load(CORRECTED);
    }

    static ObjectNode asPublished() {
        return load(AS_PUBLISHED);
    }

    /** The evaluation JSON of docs/RULES.md, as the score-calculation task stores it. */
    static ObjectNode evaluate(JsonNode report) {
        return EvaluationJson.toJson(EVALUATOR.evaluate(report), MAPPER);
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema-valid report with every list empty (or at its minimum) and no optional field. */
    static ObjectNode minimal() {
        return (ObjectNode) json("""
                {
                  "schemaVersion": 1,
                  "fiscalYear": 2023,
                  "unit": {"code": "X1", "name": "某某县某某局"},
                  "basicInfo": {
                    "responsibilities": ["负责本县某某工作。"],
                    "staffing": {"authorizedTotal": 5, "onDuty": 4}
                  },
                  "budget": {
                    "initial": {"revenueTotal": 100, "expenditureTotal": 100, "basicExpenditure": 100,
                                "projectExpenditure": 0},
                    "finalAccounts": {"revenueTotal": 90.5, "expenditureTotal": 90.5, "basicExpenditure": 90.5,
                                      "projectExpenditure": 0},
                    "threePublicExpenses": {
                      "budget": {"overseasTravel": 0, "vehicles": 0, "officialReception": 0},
                      "actual": {"overseasTravel": 0, "vehicles": 0, "officialReception": 0}
                    },
                    "governmentProcurement": {"goods": 0, "works": 0, "services": 0},
                    "assets": {"totalAssets": 10, "totalLiabilities": 0, "netAssets": 10}
                  },
                  "performance": {"overallGoalAchievements": ["完成年度工作任务。"]},
                  "problems": {"items": [], "measures": []},
                  "projects": []
                }
                """);
    }

    static byte[] render(JsonNode report, JsonNode evaluation, DocumentOptions options) {
        return new ReportDocument().render(report, evaluation, options);
    }
}
