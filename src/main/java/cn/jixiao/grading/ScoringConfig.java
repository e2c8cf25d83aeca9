package cn.jixiao.grading;

import cn.jixiao.report.ReportSchemaValidator;
import cn.jixiao.scoring.GradeTable;
import cn.jixiao.scoring.ReportAssessment;
import cn.jixiao.scoring.ReportEvaluator;
import cn.jixiao.scoring.ScoringSettings;
import cn.jixiao.scoring.TemplateCatalog;
import java.math.BigDecimal;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the pure scoring module with the scoring templates (the built-ins, national with the configured standard
 * shares, and those deployed to the engine) and the deployed grade table.
 */
@Configuration
@EnableConfigurationProperties(ScoringConfig.Shares.class)
class ScoringConfig {

    /** {@code jixiao.scoring.*}: the standard shares of the weights (产出 50, 效益 30, 满意度 10, 预算执行率 10). */
    @ConfigurationProperties("jixiao.scoring")
    public record Shares(
            BigDecimal outputShare, BigDecimal effectShare, BigDecimal satisfactionShare, BigDecimal fundsWeight) {

        ScoringSettings toSettings() {
            ScoringSettings d = ScoringSettings.defaults();
            return new ScoringSettings(
                    outputShare == null ? d.outputShare() : outputShare,
                    effectShare == null ? d.effectShare() : effectShare,
                    satisfactionShare == null ? d.satisfactionShare() : satisfactionShare,
                    fundsWeight == null ? d.fundsWeight() : fundsWeight);
        }
    }

    @Bean
    public TemplateCatalog scoringTemplates(RepositoryService repositoryService, Shares shares) {
        return new DeployedTemplates(repositoryService, TemplateCatalog.builtIn(shares.toSettings()));
    }

    @Bean
    public ReportAssessment reportAssessment(
            ReportSchemaValidator validator, TemplateCatalog templates, GradeTable gradeTable) {
        return new ReportAssessment(validator, new ReportEvaluator(templates, gradeTable));
    }
}
