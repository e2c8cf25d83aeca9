package cn.jixiao.workflow;

import static cn.jixiao.testing.WorkflowFixture.CLERK;
import static cn.jixiao.testing.WorkflowFixture.FINANCE;
import static cn.jixiao.testing.WorkflowFixture.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.Stage;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.testing.InMemoryWorkflowTest;
import cn.jixiao.testing.WorkflowFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.junit.jupiter.api.Test;

/**
 * 报告范围 仅项目支出绩效自评表 (issue 18): a report of {@code "scope": "projects"} drafts only 填写项目清单 and the
 * 填写项目自评表 tasks, then 提交审核; reviews, returns and publication go as for a department report, but nothing ever
 * opens a department section, and the published document is the tables alone. The tables are published Sichuan
 * tables (src/test/resources/tables), under the sichuan template.
 */
class ProjectOnlyReportTest extends InMemoryWorkflowTest {

    private static final List<String> DEPARTMENT_TASKS =
            List.of("draftBasicInfo", "draftBudget", "draftPerformance", "draftProblems", "draftOtherNotes");

    /** The two published Sichuan tables, as the sample unit's. */
    private ObjectNode sichuanTables() {
        try (InputStream in = getClass().getResourceAsStream("/tables/sichuan-free-split-2023.json")) {
            ObjectNode report = (ObjectNode) fx.mapper.readTree(in);
            report.putObject("unit")
                    .put("code", WorkflowFixture.SAMPLE_UNIT.code())
                    .put("name", WorkflowFixture.SAMPLE_UNIT.name());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessInstance start(JsonNode report) {
        String id = fx.reports.start(report, fx.users.load(CLERK));
        return fx.runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(id)
                .singleResult();
    }

    private String progress(ProcessInstance pi) {
        return (String) fx.runtimeService.getVariable(pi.getId(), DraftProgress.PROGRESS);
    }

    private void assertNoDepartmentTaskEver(ProcessInstance pi) {
        assertThat(fx.historyService
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKeyIn(DEPARTMENT_TASKS.toArray(String[]::new))
                        .count())
                .as("no department section task, ever")
                .isZero();
    }

    @Test
    void theTablesAloneGoThroughReviewsAndAReturnToPublication() throws Exception {
        ObjectNode tables = sichuanTables();
        ProcessInstance pi = start(tables);

        BpmnAwareTests.assertThat(pi).isWaitingAt("draftProjects");
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProjects");
        assertThat(progress(pi)).isEqualTo("0/1 已完成");
        assertThat(fx.runtimeService.getVariable(pi.getId(), ProcessVariables.SCOPE))
                .isEqualTo("projects");
        assertThat(fx.runtimeService.getVariable(pi.getId(), ProcessVariables.PROFILE))
                .isEqualTo("sichuan");

        fx.completeAs(
                CLERK, fx.task(pi, "draftProjects"), Map.of("projects", fx.variables.json(tables.get("projects"))));
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProject");
        assertThat(progress(pi)).isEqualTo("0/1 已完成");
        fx.draftProjectsOpen(pi);
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftSubmit");
        assertThat(progress(pi)).isEqualTo("1/1 已完成");

        fx.submit(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAt("internalReview");
        JsonNode evaluation = fx.reports.evaluationOf(pi.getId());
        assertThat(evaluation.path("profile").asText()).isEqualTo("sichuan");
        assertThat(evaluation.path("findings"))
                .as("the Sichuan tables hold under their template")
                .isEmpty();

        // A return may not name a section the report does not have; 「全部章节」 reopens what it has.
        Map<String, Object> wrongReturn = new HashMap<>();
        wrongReturn.put(ProcessVariables.LEADER_DECISION, "return");
        wrongReturn.put(ProcessVariables.LEADER_COMMENT, "请补充单位基本情况");
        wrongReturn.put(
                ProcessVariables.SECTIONS_TO_REVISE, fx.variables.json(fx.mapper.valueToTree(List.of("basicInfo"))));
        assertThatThrownBy(() -> fx.completeAs(LEADER, fx.task(pi, "internalReview"), wrongReturn))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("「需修改的章节」本报告只含项目支出绩效自评表")
                .hasMessageContaining("「单位基本情况」");
        BpmnAwareTests.assertThat(pi).isWaitingAt("internalReview");

        fx.leaderReturn(pi, "请核对第二张表的实际完成值");
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProjects");
        assertThat(progress(pi)).isEqualTo("0/1 已完成");
        assertThat(fx.reviewComments(pi).get(0).sectionsToRevise()).containsExactly("projects");
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.leaderApprove(pi, "同意");
        // The review form offers no section to choose for the tables alone: a return naming none reopens them.
        fx.completeAs(
                FINANCE,
                fx.task(pi, "financeReview"),
                Map.of(ProcessVariables.FINANCE_DECISION, "return", ProcessVariables.FINANCE_COMMENT, "请再核对"));
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProjects");
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.leaderApprove(pi, "同意");
        fx.financeAccept(pi);
        fx.awaitRest(pi);

        BpmnAwareTests.assertThat(pi)
                .isEnded()
                .hasPassed("draftProjects", "draftProject", "draftSubmit", "internalReview", "financeReview")
                .hasPassed("publishReport", "reportPublished")
                .hasNotPassed(DEPARTMENT_TASKS.toArray(String[]::new));
        assertNoDepartmentTaskEver(pi);
        assertThat(fx.stage(pi)).isEqualTo(Stage.PUBLISHED);
        // The report that went through is the report that came in, scope and template included.
        assertThat(fx.reports.find(pi.getId()).orElseThrow().report()).isEqualTo(tables);

        ReportDocuments.Docx docx =
                context.getBean(ReportDocuments.class).published(pi.getId()).orElseThrow();
        assertThat(docx.fileName()).isEqualTo("2023年度衡山县行政审批服务局项目支出绩效自评表.docx");
        String text = WordprocessingMLPackage.load(new ByteArrayInputStream(docx.content()))
                .getMainDocumentPart()
                .getXML();
        assertThat(text)
                .contains("2023年度项目支出绩效自评表")
                .contains(tables.at("/projects/0/name").asText())
                .contains(tables.at("/projects/1/name").asText())
                .contains("99.88")
                .doesNotContain("单位基本情况")
                .doesNotContain("存在的问题及改进措施")
                .doesNotContain("附件");
    }

    /** A return of the tables alone that names one table (需修改的项目) reopens that table's task alone. */
    @Test
    void aReturnNamingOneTableReopensThatTableAlone() {
        ProcessInstance pi = start(sichuanTables());
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.completeAs(
                LEADER,
                fx.task(pi, "internalReview"),
                Map.of(
                        "leaderDecision",
                        "return",
                        "leaderComment",
                        "工资福利支出的实际完成值请核对",
                        ProjectSection.TO_REVISE,
                        fx.variables.json(fx.mapper.valueToTree(List.of("工资福利支出")))));
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProject");
        assertThat(fx.openTasks(pi)).extracting(Task::getName).containsExactly("填写项目自评表：工资福利支出");
        assertThat(fx.reviewComments(pi).get(0).comment()).contains("需修改的项目：工资福利支出");
        fx.draftAllOpen(pi);
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftSubmit");
    }

    @Test
    void aCorrectionOfTheTablesReopensTheTablesOnly() {
        ObjectNode tables = sichuanTables();
        ProcessInstance pi = start(tables);
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.leaderApprove(pi, "同意");
        fx.financeAccept(pi);
        fx.awaitRest(pi);
        assertThat(fx.stage(pi)).isEqualTo(Stage.PUBLISHED);

        String correctionId = fx.reports.requestCorrection(pi.getId(), "第二张表的得分需要更正", fx.users.load(FINANCE));
        ProcessInstance correction = fx.runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(correctionId)
                .singleResult();
        assertThat(fx.openTaskKeys(correction)).containsExactly("draftProjects");
        assertThat(progress(correction)).isEqualTo("0/1 已完成");
        assertThat(fx.runtimeService.getVariable(correctionId, ProcessVariables.SCOPE))
                .isEqualTo("projects");
        assertThat(fx.reviewComments(correction)
                        .get(fx.reviewComments(correction).size() - 1)
                        .sectionsToRevise())
                .containsExactly("projects");
        fx.draftAllOpen(correction);
        fx.submit(correction);
        assertNoDepartmentTaskEver(correction);
        assertThat(fx.reports.evaluationOf(correctionId).path("profile").asText())
                .isEqualTo("sichuan");
    }

    @Test
    void aScopeOrTemplateThatDoesNotExistIsRefusedAtTheStart() {
        ObjectNode unknownTemplate = sichuanTables().put("profile", "hubei");
        assertThatThrownBy(() -> start(unknownTemplate))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("「评分模板」hubei不存在");
        Map<String, Object> start = new HashMap<>();
        start.put(ProcessVariables.FISCAL_YEAR, 2023);
        start.put(ProcessVariables.SCOPE, "tables");
        fx.as(
                CLERK,
                () -> assertThatThrownBy(
                                () -> fx.runtimeService.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, start))
                        .isInstanceOf(InputRefused.class)
                        .hasMessageContaining("「报告范围」应为 department（部门整体）或 projects"));
        // The start form's choice: 仅项目支出绩效自评表 opens the project list alone; 部门整体 the six sections.
        start.put(ProcessVariables.SCOPE, "projects");
        fx.as(CLERK, () -> {
            ProcessInstance projects = fx.runtimeService.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, start);
            assertThat(fx.openTaskKeys(projects)).containsExactly("draftProjects");
        });
        start.put(ProcessVariables.SCOPE, "department");
        fx.as(CLERK, () -> {
            ProcessInstance department =
                    fx.runtimeService.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, start);
            assertThat(fx.openTaskKeys(department))
                    .containsExactlyInAnyOrder(
                            "draftBasicInfo",
                            "draftBudget",
                            "draftPerformance",
                            "draftProjects",
                            "draftProblems",
                            "draftOtherNotes");
            assertThat(fx.runtimeService.getVariable(department.getId(), DraftProgress.PROGRESS))
                    .isEqualTo("0/6 已完成");
        });
    }
}
