package cn.jixiao.grading;

import cn.jixiao.scoring.GradeTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Grades with the latest deployed version of the DMN table {@code grade}: a finance bureau that deploys new bands
 * (Modeler or Cockpit) changes the grades without a code change. The table is parsed once per deployed version and
 * evaluated in memory, so grading writes no decision history.
 */
@Component
public class DeployedGradeTable implements GradeTable {

    private final RepositoryService repositoryService;
    private final DmnEngine dmnEngine =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final AtomicReference<Parsed> current = new AtomicReference<>();

    public DeployedGradeTable(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public String gradeFor(BigDecimal totalScore) {
        return table().gradeFor(totalScore);
    }

    /**
     * The table in force now, looked up once: for callers that grade many scores at a time (the board's histogram, the
     * workbook's bands), which would otherwise ask the repository for the latest version once per score.
     */
    public GradeTable current() {
        return table();
    }

    private GradeTable table() {
        DecisionDefinition latest = repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DmnGradeTable.DECISION_KEY)
                .latestVersion()
                .singleResult();
        if (latest == null) {
            throw new IllegalStateException("DMN decision '" + DmnGradeTable.DECISION_KEY + "' is not deployed");
        }
        Parsed parsed = current.get();
        if (parsed == null || !parsed.definitionId().equals(latest.getId())) {
            try (InputStream xml = repositoryService.getDecisionModel(latest.getId())) {
                parsed = new Parsed(latest.getId(), new DmnGradeTable(dmnEngine, xml));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            current.set(parsed);
        }
        return parsed.table();
    }

    private record Parsed(String definitionId, DmnGradeTable table) {}
}
