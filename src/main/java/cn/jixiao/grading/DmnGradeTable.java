package cn.jixiao.grading;

import cn.jixiao.scoring.GradeTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/**
 * {@link GradeTable} backed by the DMN decision {@code grade} (bpmn/grade.dmn), evaluated with the standalone
 * Camunda DMN engine. The decision is parsed once; evaluation is thread-safe.
 */
public final class DmnGradeTable implements GradeTable {

    public static final String RESOURCE = "bpmn/grade.dmn";
    public static final String DECISION_KEY = "grade";

    private final DmnEngine engine;
    private final DmnDecision decision;

    /** Loads {@value #RESOURCE} from the classpath into a new default DMN engine. */
    public DmnGradeTable() {
        this(DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine(), openDefaultResource());
    }

    /** Parses decision {@value #DECISION_KEY} from the given DMN XML (closed afterwards) with the given engine. */
    public DmnGradeTable(DmnEngine engine, InputStream dmnXml) {
        this.engine = Objects.requireNonNull(engine, "engine");
        try (InputStream in = Objects.requireNonNull(dmnXml, "dmnXml")) {
            this.decision = engine.parseDecision(DECISION_KEY, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Grades already worked out, by score (scale left out: 90.0 and 90.00 are one score). The table is a function of
     * the score alone, and evaluating it (FEEL) was about a tenth of a section's completion; scores have two decimals,
     * so a few thousand distinct ones cover a year, and the map stops growing at {@value #KNOWN_AT_MOST}.
     */
    private final Map<BigDecimal, Optional<String>> known = new ConcurrentHashMap<>();

    static final int KNOWN_AT_MOST = 20_000;

    /** The grade for a 总分, or null when no rule matches (above 100). */
    @Override
    public String gradeFor(BigDecimal totalScore) {
        if (totalScore == null) {
            return null;
        }
        BigDecimal key = totalScore.stripTrailingZeros();
        Optional<String> grade = known.get(key);
        if (grade == null) {
            grade = Optional.ofNullable(evaluate(totalScore));
            if (known.size() < KNOWN_AT_MOST) {
                known.put(key, grade);
            }
        }
        return grade.orElse(null);
    }

    private String evaluate(BigDecimal totalScore) {
        DmnDecisionResultEntries result = engine.evaluateDecision(
                        decision, Variables.createVariables().putValue("totalScore", totalScore))
                .getSingleResult();
        return result == null ? null : result.getSingleEntry();
    }

    private static InputStream openDefaultResource() {
        InputStream in = DmnGradeTable.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("DMN resource not found on the classpath: " + RESOURCE);
        }
        return in;
    }
}
