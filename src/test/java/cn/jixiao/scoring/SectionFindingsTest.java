package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.report.ReportSchemaValidator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks a section gets while it is drafted: its own findings, with the other sections possibly missing. */
class SectionFindingsTest {

    private final ReportAssessment assessment = new ReportAssessment(
            ReportSchemaValidator.fromClasspath(Samples.MAPPER),
            new ReportEvaluator(ScoringSettings.defaults(), Samples.BANDS));

    /** A report holding only the header and one section of the given report, as a drafting task sees it. */
    private static ObjectNode only(ObjectNode report, String section) {
        ObjectNode partial = Samples.MAPPER.createObjectNode();
        partial.set("fiscalYear", report.get("fiscalYear"));
        partial.set("unit", report.get("unit"));
        partial.set(section, report.get(section));
        return partial;
    }

    @Test
    void theAsPublishedTablesErrorsAndWarningsComeWithTheProjectsSectionAlone() {
        ObjectNode published = Samples.load(Samples.AS_PUBLISHED);
        List<Finding> projects = assessment.sectionFindings(only(published, "projects"), "projects");
        assertThat(projects).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("WEIGHT_TOTAL_NOT_100");
            assertThat(f.isError()).isTrue();
        });
        assertThat(projects).extracting(Finding::pointer).allMatch(p -> p.startsWith("/projects"));
        assertThat(projects).extracting(Finding::code).doesNotContain(FindingCodes.NARRATIVE_PROJECT_UNKNOWN);

        List<Finding> budget = assessment.sectionFindings(only(published, "budget"), "budget");
        assertThat(budget).extracting(Finding::code).containsExactly("ASSETS_EQUATION");
        assertThat(budget).noneMatch(Finding::isError);
    }

    @Test
    void theCorrectedSampleHasNothingToSayInAnySection() {
        ObjectNode corrected = Samples.corrected();
        for (String section : List.of("basicInfo", "budget", "performance", "projects", "problems")) {
            assertThat(assessment.sectionFindings(only(corrected, section), section))
                    .as(section)
                    .isEmpty();
        }
    }

    @Test
    void aZeroBudgetAndAnOverspentProjectAreFoundWhileDrafting() {
        ObjectNode report = Samples.corrected();
        ((ObjectNode) report.at("/projects/0/funds/total")).put("annualBudget", 0);
        List<Finding> findings = assessment.sectionFindings(only(report, "projects"), "projects");
        assertThat(findings).anySatisfy(f -> assertThat(f.code()).isEqualTo("BUDGET_ZERO"));
        assertThat(findings).filteredOn(Finding::isError).isNotEmpty();
    }
}
