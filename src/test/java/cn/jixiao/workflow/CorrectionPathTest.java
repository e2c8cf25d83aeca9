package cn.jixiao.workflow;

import static cn.jixiao.testing.WorkflowFixture.CLERK;
import static cn.jixiao.testing.WorkflowFixture.DRAFT_TASKS;
import static cn.jixiao.testing.WorkflowFixture.FINANCE;
import static cn.jixiao.testing.WorkflowFixture.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.record.ReviewComment;
import cn.jixiao.record.ReviewStep;
import cn.jixiao.record.Stage;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.report.Section;
import cn.jixiao.testing.InMemoryWorkflowTest;
import cn.jixiao.testing.WorkflowFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 更正 of a published report, the whole way: published → the finance bureau asks for a correction (the report leaves
 * the public list at once and goes back to the unit's clerks, prefilled with what was published, the reason shown
 * like a return comment) → redrafted → submitted → approved by the leader → accepted by the finance bureau →
 * published again exactly once, with 已更正 and both dates, every step in the review log. The correction is a new
 * instance of the same process (its message start event); the instance that published first stays as it ended.
 */
class CorrectionPathTest extends InMemoryWorkflowTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST_PUBLISHED = LocalDate.of(2031, 3, 2);
    private static final LocalDate CORRECTION_ASKED = LocalDate.of(2031, 3, 9);
    private static final LocalDate REPUBLISHED = LocalDate.of(2031, 3, 16);
    private static final String REASON = "“三公”经费决算数与决算报表不一致，请核实后更正";
    private static final String CORRECTED_NOTES = "经核实，更正“三公”经费决算数的说明。";

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private static void today(LocalDate day) {
        ClockUtil.setCurrentTime(
                Date.from(day.atTime(LocalTime.of(10, 0)).atZone(CHINA).toInstant()));
    }

    private ReportDocuments documents() {
        return context.getBean(ReportDocuments.class);
    }

    private ProcessInstance publishedReport() {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.leaderApprove(pi, "同意上报");
        fx.financeAccept(pi);
        fx.awaitRest(pi);
        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(fx.stage(pi)).isEqualTo(Stage.PUBLISHED);
        return pi;
    }

    private ProcessInstance instance(String id) {
        return fx.runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(id)
                .singleResult();
    }

    private List<String> publicList() {
        return fx.reports.list(null, null, Stage.PUBLISHED, new ReportIndex.Visibility(true, List.of(), false)).stream()
                .map(ReportEntry::id)
                .toList();
    }

    private long documentsStoredBy(String processInstanceId) {
        return fx.historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableName(ReportDocuments.VARIABLE)
                .count();
    }

    private static String text(ReportDocuments.Docx docx) throws Exception {
        return WordprocessingMLPackage.load(new ByteArrayInputStream(docx.content()))
                .getMainDocumentPart()
                .getXML();
    }

    @Test
    void correctionTakesThePublishedReportBackThroughTheWholePathAndPublishesItAgainOnce() throws Exception {
        today(FIRST_PUBLISHED);
        ProcessInstance first = publishedReport();
        String reportId = first.getId();
        assertThat(publicList()).contains(reportId);
        assertThat(Corrections.publicationDates(fx.entry(first))).isEqualTo(FIRST_PUBLISHED.toString());
        ReportDocuments.Docx firstDocument = documents().published(reportId).orElseThrow();
        assertThat(text(firstDocument)).doesNotContain(CORRECTED_NOTES);

        // The finance bureau asks for a correction.
        today(CORRECTION_ASKED);
        long recorded = fx.recordedReports();
        String correctionId = fx.reports.requestCorrection(reportId, "  " + REASON + "\n", fx.users.load(FINANCE));
        ProcessInstance correction = instance(correctionId);
        assertThat(correctionId).isNotEqualTo(reportId);
        BpmnAwareTests.assertThat(correction)
                .isStarted()
                .isNotEnded()
                .hasBusinessKey("430423-XZSP-2022")
                .hasPassedInOrder("correctionRequested", "draftingOpened", "openSections")
                .hasNotPassed("reportStarted")
                .isWaitingAtExactly(DRAFT_TASKS.toArray(String[]::new));
        BpmnAwareTests.assertThat(first).isEnded();

        // One report: same id, same record, now carried by the correction's instance, off the public list.
        assertThat(fx.recordedReports()).as("no new report").isEqualTo(recorded);
        ReportEntry correcting = fx.index.find(reportId).orElseThrow();
        assertThat(fx.index.find(correctionId)).contains(correcting);
        assertThat(correcting.id()).isEqualTo(reportId);
        assertThat(correcting.processInstanceId()).isEqualTo(correctionId);
        assertThat(correcting.stage()).isEqualTo(Stage.DRAFTING);
        assertThat(correcting.correcting()).isTrue();
        assertThat(correcting.corrections()).isEqualTo(1);
        assertThat(correcting.firstPublishedOn()).isEqualTo(FIRST_PUBLISHED);
        assertThat(correcting.seenByFinance()).isTrue();
        assertThat(publicList()).doesNotContain(reportId);

        // Back with the unit's clerks: the published content in every section, the reason on every task.
        assertThat(fx.sectionValues(correction))
                .isEqualTo(Map.of(
                        "basicInfo",
                        fx.sample().get("basicInfo"),
                        "budget",
                        fx.sample().get("budget"),
                        "performance",
                        fx.sample().get("performance"),
                        "projects",
                        fx.sample().get("projects"),
                        "problems",
                        fx.sample().get("problems"),
                        "otherNotes",
                        fx.sample().get("otherNotes")));
        for (Task task : fx.openTasks(correction)) {
            assertThat(fx.candidateGroups(task)).containsExactly(WorkflowFixture.SAMPLE_UNIT.clerkGroupId());
            assertThat(fx.formValue(task))
                    .as("%s prefilled", task.getTaskDefinitionKey())
                    .isEqualTo(fx.shownBy(
                            task,
                            fx.sample()
                                    .get(Section.byTaskId(task.getTaskDefinitionKey())
                                            .orElseThrow()
                                            .key())));
            assertThat(String.valueOf(fx.taskService.getVariable(task.getId(), ProcessVariables.LAST_RETURN_COMMENT)))
                    .contains("更正已公开的报告")
                    .contains(REASON)
                    .contains("刘科长");
        }
        assertThat(fx.runtimeService.getVariable(correctionId, DraftProgress.ROUND_MARK))
                .isEqualTo("更正");
        assertThat(fx.reports.find(reportId).orElseThrow().evaluation())
                .as("the published evaluation until resubmitted")
                .isNotNull();

        List<ReviewComment> asked = fx.reports.find(reportId).orElseThrow().comments();
        assertThat(asked)
                .extracting(ReviewComment::step)
                .containsExactly("internalReview", "financeReview", "correction");
        ReviewComment request = asked.get(2);
        assertThat(request.decision()).isEqualTo(ReviewStep.REQUEST);
        assertThat(request.decisionLabel()).isEqualTo("撤下公开并退回单位更正");
        assertThat(request.author()).isEqualTo(FINANCE);
        assertThat(request.comment()).isEqualTo(REASON);
        assertThat(request.time()).startsWith(CORRECTION_ASKED.toString());
        assertThat(fx.reviewComments(correction)).isEqualTo(asked);

        // Asking again while it is being corrected changes nothing.
        assertThatThrownBy(() -> fx.reports.requestCorrection(reportId, "再次更正", fx.users.load(FINANCE)))
                .isInstanceOfSatisfying(
                        CorrectionRefused.class,
                        e -> assertThat(e.refusal()).isEqualTo(Corrections.Refusal.ALREADY_CORRECTING));
        assertThat(fx.reports.find(reportId).orElseThrow().comments()).hasSize(3);
        assertThat(fx.index.find(reportId).orElseThrow().processInstanceId()).isEqualTo(correctionId);

        // The usual path: redraft (one section changed), 提交审核, 单位负责人审核, 财政局审核.
        for (Task task : fx.openTasks(correction)) {
            JsonNode value = "draftOtherNotes".equals(task.getTaskDefinitionKey())
                    ? TextNode.valueOf(CORRECTED_NOTES)
                    : fx.formValue(task);
            fx.submitDraft(CLERK, task, value);
        }
        fx.draftProjectsOpen(correction);
        BpmnAwareTests.assertThat(correction).isWaitingAtExactly("draftSubmit");
        fx.submit(correction);
        BpmnAwareTests.assertThat(correction).isWaitingAtExactly("internalReview");
        assertThat(fx.candidateGroups(fx.task(correction, "internalReview")))
                .containsExactly(WorkflowFixture.SAMPLE_UNIT.leaderGroupId());
        fx.leaderApprove(correction, "同意更正后上报");
        BpmnAwareTests.assertThat(correction).isWaitingAtExactly("financeReview");
        assertThat(fx.index.find(reportId).orElseThrow().stage()).isEqualTo(Stage.FINANCE_REVIEW);
        assertThat(publicList()).as("still off the public list").doesNotContain(reportId);
        today(REPUBLISHED);
        fx.financeAccept(correction);
        fx.awaitRest(correction);

        // Published again, once, with both dates.
        BpmnAwareTests.assertThat(correction)
                .isEnded()
                .hasPassedInOrder(
                        "correctionRequested",
                        "draftingOpened",
                        "draftSubmit",
                        "evaluateReport",
                        "internalReview",
                        "financeReview",
                        "publishReport",
                        "reportPublished");
        ReportEntry republished = fx.index.find(reportId).orElseThrow();
        assertThat(republished.stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(republished.corrected()).isTrue();
        assertThat(republished.correcting()).isFalse();
        assertThat(republished.firstPublishedOn()).isEqualTo(FIRST_PUBLISHED);
        assertThat(republished.publishedOn()).isEqualTo(REPUBLISHED);
        assertThat(publicList()).containsOnlyOnce(reportId);
        assertThat(Corrections.publicationDates(republished))
                .isEqualTo("已更正\n首次公开：" + FIRST_PUBLISHED + "\n更正后公开：" + REPUBLISHED);

        assertThat(documentsStoredBy(correctionId))
                .as("the correction published exactly once")
                .isEqualTo(1);
        assertThat(documentsStoredBy(reportId))
                .as("the first document stays in the record")
                .isEqualTo(1);
        ReportDocuments.Docx current = documents().published(reportId).orElseThrow();
        assertThat(text(current))
                .as("the republished document replaces the first")
                .contains(CORRECTED_NOTES)
                .doesNotContain("草稿");
        assertThat(current.fileName()).isEqualTo(firstDocument.fileName());
        assertThat(fx.reports
                        .find(reportId)
                        .orElseThrow()
                        .report()
                        .get("otherNotes")
                        .asText())
                .isEqualTo(CORRECTED_NOTES);

        List<ReviewComment> log = fx.reports.find(reportId).orElseThrow().comments();
        assertThat(log)
                .extracting(c -> c.step() + "/" + c.decision())
                .containsExactly(
                        "internalReview/approve",
                        "financeReview/accept",
                        "correction/request",
                        "internalReview/approve",
                        "financeReview/accept",
                        "publication/republish");
        assertThat(log.get(3).author()).isEqualTo(LEADER);
        assertThat(log.get(4).author()).isEqualTo(FINANCE);
        ReviewComment again = log.get(5);
        assertThat(again.decisionLabel()).isEqualTo("已更正，重新公开");
        assertThat(again.comment()).contains(FIRST_PUBLISHED.toString()).contains(REPUBLISHED.toString());
        assertThat(again.time()).startsWith(REPUBLISHED.toString());

        // A second correction is possible once it is published again, and keeps the first publication date.
        today(REPUBLISHED.plusDays(1));
        String secondId = fx.reports.requestCorrection(reportId, "再次更正：补充说明", fx.users.load(FINANCE));
        ReportEntry secondRound = fx.index.find(reportId).orElseThrow();
        assertThat(secondRound.processInstanceId()).isEqualTo(secondId);
        assertThat(secondRound.corrections()).isEqualTo(2);
        assertThat(secondRound.firstPublishedOn()).isEqualTo(FIRST_PUBLISHED);
        assertThat(fx.sectionValues(instance(secondId)).get("otherNotes")).isEqualTo(TextNode.valueOf(CORRECTED_NOTES));
        assertThat(publicList()).doesNotContain(reportId);
    }

    @Test
    void onlyAPublishedReportIsCorrectedAndOnlyAtTheFinanceBureausRequest() {
        ProcessInstance inReview = fx.startSample(CLERK);
        fx.draftAllOpen(inReview);
        fx.submit(inReview);
        long instances = fx.reportCount();
        assertThatThrownBy(() -> fx.reports.requestCorrection(inReview.getId(), REASON, fx.users.load(FINANCE)))
                .isInstanceOfSatisfying(
                        CorrectionRefused.class,
                        e -> assertThat(e.refusal()).isEqualTo(Corrections.Refusal.NOT_PUBLISHED));
        assertThatThrownBy(() -> fx.reports.requestCorrection("no-such-report", REASON, fx.users.load(FINANCE)))
                .isInstanceOfSatisfying(
                        CorrectionRefused.class, e -> assertThat(e.refusal()).isEqualTo(Corrections.Refusal.NOT_FOUND));
        assertThat(fx.stage(inReview)).isEqualTo(Stage.INTERNAL_REVIEW);
        BpmnAwareTests.assertThat(inReview).isWaitingAtExactly("internalReview");

        ProcessInstance published = publishedReport();
        instances = fx.reportCount();
        for (String refused : List.of(CLERK, LEADER, WorkflowFixture.OTHER_CLERK)) {
            assertThatThrownBy(() -> fx.reports.requestCorrection(published.getId(), REASON, fx.users.load(refused)))
                    .as(refused)
                    .isInstanceOf(AuthorizationException.class)
                    .hasMessageContaining("财政局");
        }
        for (String reason : new String[] {null, "", "   \n", "更".repeat(Corrections.MAX_REASON + 1)}) {
            assertThatThrownBy(() -> fx.reports.requestCorrection(published.getId(), reason, fx.users.load(FINANCE)))
                    .isInstanceOf(InputRefused.class)
                    .hasMessageContaining("「更正原因」");
        }
        assertThat(fx.reportCount()).as("nothing started").isEqualTo(instances);
        ReportEntry untouched = fx.entry(published);
        assertThat(untouched.stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(untouched.corrections()).isZero();
        assertThat(untouched.processInstanceId()).isEqualTo(published.getId());
        assertThat(fx.reviewComments(published)).hasSize(2);
    }

    @Test
    void aClerkCannotOpenTheCorrectionPathThroughTheEngineEither() {
        ProcessInstance published = publishedReport();
        long instances = fx.reportCount();
        fx.as(
                CLERK,
                () -> assertThatThrownBy(() -> fx.runtimeService
                                .createMessageCorrelation(Corrections.MESSAGE)
                                .setVariable(Corrections.REPORT_VARIABLE, published.getId())
                                .setVariable(Corrections.REASON_VARIABLE, REASON)
                                .correlateStartMessage())
                        .isInstanceOf(AuthorizationException.class));
        assertThat(fx.reportCount()).isEqualTo(instances);
        assertThat(fx.stage(published)).isEqualTo(Stage.PUBLISHED);
    }

    @Test
    void theMainStartEventStillStartsANewReport() {
        ProcessInstance pi = fx.startSample(CLERK);
        BpmnAwareTests.assertThat(pi).hasPassed("reportStarted").hasNotPassed("correctionRequested");
        assertThat(fx.entry(pi).processInstanceId()).isEqualTo(pi.getId());
        assertThat(fx.entry(pi).corrections()).isZero();
        assertThat(fx.runtimeService.getVariable(pi.getId(), DraftProgress.ROUND_MARK))
                .isEqualTo("编制中");
    }
}
