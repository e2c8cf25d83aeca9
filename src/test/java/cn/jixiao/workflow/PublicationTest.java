package cn.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.Stage;
import cn.jixiao.testing.InMemoryWorkflowTest;
import cn.jixiao.testing.WorkflowFixture;
import java.io.ByteArrayInputStream;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * 生成并公开报告: after acceptance, one asynchronous job publishes the document exactly once; a failure is retried
 * and then becomes an incident with nothing lost, and a retry after the fix completes it. The job executor is off
 * here so the test runs the job itself.
 */
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class PublicationTest extends InMemoryWorkflowTest {

    @MockitoSpyBean
    ReportDocuments documents;

    private ProcessInstance acceptedReport() {
        ProcessInstance pi = fx.startSample(WorkflowFixture.CLERK);
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.leaderApprove(pi, "同意");
        fx.financeAccept(pi);
        return pi;
    }

    private long storedDocuments(ProcessInstance pi) {
        return fx.historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(ReportDocuments.VARIABLE)
                .count();
    }

    @Test
    void acceptedReportIsPublishedOnceWithItsDocument() throws Exception {
        ProcessInstance pi = acceptedReport();
        assertThat(pi).isWaitingAt("publishReport");
        assertThat(fx.reports.entry(pi.getId()).orElseThrow().stage()).isEqualTo(Stage.ACCEPTED);

        fx.managementService.executeJob(job(pi).getId());

        assertThat(pi).isEnded().hasPassed("publishReport", "reportPublished");
        ReportEntry entry = fx.reports.entry(pi.getId()).orElseThrow();
        assertThat(entry.stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(entry.publishedOn()).isNotNull();
        assertThat(storedDocuments(pi)).isEqualTo(1);
        ReportDocuments.Docx docx = documents.published(pi.getId()).orElseThrow();
        assertThat(docx.fileName()).isEqualTo("2022年度衡山县行政审批服务局部门整体支出绩效自评报告.docx");
        String text = WordprocessingMLPackage.load(new ByteArrayInputStream(docx.content()))
                .getMainDocumentPart()
                .getXML();
        assertThat(text)
                .contains("2022年度部门整体支出绩效自评报告")
                .contains("94.75")
                .contains("优")
                .doesNotContain("草稿");
    }

    @Test
    void failingGenerationBecomesAnIncidentAndARetryAfterTheFixPublishesOnce() {
        ProcessInstance pi = acceptedReport();
        doThrow(new IllegalStateException("renderer unavailable"))
                .when(documents)
                .publish(any(), any(), any());
        Job publishJob = job(pi);

        for (int attempt = 0; attempt < 3; attempt++) {
            String jobId = publishJob.getId();
            assertThatThrownBy(() -> fx.managementService.executeJob(jobId))
                    .hasMessageContaining("renderer unavailable");
        }

        Incident incident = fx.runtimeService
                .createIncidentQuery()
                .processInstanceId(pi.getId())
                .singleResult();
        assertThat(incident).as("incident visible in Cockpit").isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("publishReport");
        assertThat(fx.managementService
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .singleResult()
                        .getRetries())
                .isZero();
        assertThat(pi).isNotEnded();
        assertThat(storedDocuments(pi)).isZero();
        assertThat(fx.reports.entry(pi.getId()).orElseThrow().stage()).isEqualTo(Stage.ACCEPTED);
        assertThat(fx.reports.find(pi.getId()).orElseThrow().report()).isEqualTo(fx.sample());

        doCallRealMethod().when(documents).publish(any(), any(), any());
        fx.managementService.setJobRetries(publishJob.getId(), 1);
        fx.managementService.executeJob(publishJob.getId());

        assertThat(pi).isEnded();
        assertThat(fx.runtimeService
                        .createIncidentQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
        assertThat(storedDocuments(pi)).isEqualTo(1);
        assertThat(fx.reports.entry(pi.getId()).orElseThrow().stage()).isEqualTo(Stage.PUBLISHED);
    }
}
