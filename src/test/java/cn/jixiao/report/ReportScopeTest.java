package cn.jixiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** 报告范围: which sections a report of each scope has, and how a stored value is read. */
class ReportScopeTest {

    @Test
    void theTablesAloneHaveTheProjectsSectionOnly() {
        assertThat(ReportScope.PROJECTS.sections()).containsExactly(Section.PROJECTS);
        assertThat(ReportScope.DEPARTMENT.sections()).containsExactly(Section.values());
        assertThat(ReportScope.PROJECTS.has(Section.BASIC_INFO)).isFalse();
        assertThat(ReportScope.DEPARTMENT.has(Section.BASIC_INFO)).isTrue();
    }

    @Test
    void absentOrBlankMeansTheDepartmentReport() {
        ObjectNode report = new ObjectMapper().createObjectNode();
        assertThat(ReportScope.ofReport(report)).isEqualTo(ReportScope.DEPARTMENT);
        assertThat(ReportScope.ofReport(report.put("scope", "projects"))).isEqualTo(ReportScope.PROJECTS);
        assertThat(ReportScope.of(null)).isEqualTo(ReportScope.DEPARTMENT);
        assertThat(ReportScope.of(" ")).isEqualTo(ReportScope.DEPARTMENT);
        assertThat(ReportScope.of(" projects ")).isEqualTo(ReportScope.PROJECTS);
        assertThat(ReportScope.byKey("tables")).isEmpty();
    }
}
