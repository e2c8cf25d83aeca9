package cn.jixiao.workflow;

import cn.jixiao.document.Block;
import cn.jixiao.document.DocumentOptions;
import cn.jixiao.document.ReportContent;
import cn.jixiao.document.ReportDocument;
import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.record.ReportRecord;
import cn.jixiao.scoring.EvaluationJson;
import cn.jixiao.scoring.ReportAssessment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The report's .docx: the published document, kept in the database as the process's File variable
 * {@code publishedDocument} (durable, portable across databases, kept in history after the process ends), and the
 * draft preview of a report not yet published, rendered from its current content and marked 草稿.
 */
@Component
public class ReportDocuments {

    public static final String VARIABLE = "publishedDocument";
    public static final String MIME_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ReportDocument renderer = new ReportDocument();
    private final HistoryService historyService;
    private final ReportAssessment assessment;
    private final ObjectMapper mapper;
    private final ReportIndex index;

    public ReportDocuments(
            HistoryService historyService, ReportAssessment assessment, ObjectMapper mapper, ReportIndex index) {
        this.historyService = historyService;
        this.assessment = assessment;
        this.mapper = mapper;
        this.index = index;
    }

    /** A .docx with its file name. */
    public record Docx(String fileName, byte[] content) {}

    /** Loads docx4j once at start-up, beside the start, so the first user does not wait for it and no one else does. */
    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        Thread warmUp = new Thread(ReportDocument::warmUp, "docx4j-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** The final document, as a File variable value. */
    public FileValue publish(ObjectNode report, JsonNode evaluation, LocalDate publishedOn) {
        byte[] content =
                renderer.render(report, evaluationOf(report, evaluation), DocumentOptions.finalCopy(publishedOn));
        return Variables.fileValue(ReportDocument.fileName(report))
                .file(content)
                .mimeType(MIME_TYPE)
                .create();
    }

    /**
     * The published document of a report (by its id), if it has one: the one its current process instance published.
     * After a correction that is the republished document, which replaces the earlier one; the earlier one stays in
     * the history of the instance that published it.
     */
    public Optional<Docx> published(String reportId) {
        String processInstanceId =
                index.find(reportId).map(ReportEntry::processInstanceId).orElse(reportId);
        HistoricVariableInstance stored = historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableName(VARIABLE)
                .singleResult();
        if (stored == null || !(stored.getTypedValue() instanceof FileValue file)) {
            return Optional.empty();
        }
        try (var in = file.getValue()) {
            return Optional.of(new Docx(file.getFilename(), in.readAllBytes()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What would be published now, with 草稿 in its header and today's date (China) in its 落款. */
    public Docx preview(ReportRecord record) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), CHINA);
        byte[] content = renderer.render(
                record.report(), evaluationOf(record.report(), record.evaluation()), DocumentOptions.reviewCopy(today));
        return new Docx(ReportDocument.fileName(record.report()).replace(".docx", "（草稿）.docx"), content);
    }

    /**
     * What the published document says, as blocks for the HTML reading view: the same report, evaluation and date
     * (公开日期) as its .docx.
     */
    public List<Block> publishedContent(ReportRecord record) {
        LocalDate publishedOn = record.entry().publishedOn() != null
                ? record.entry().publishedOn()
                : LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), CHINA);
        return ReportContent.of(record.report(), evaluationOf(record.report(), record.evaluation()), publishedOn);
    }

    /** The stored evaluation (what the reviewers saw), or a fresh one for a report never submitted. */
    private JsonNode evaluationOf(ObjectNode report, JsonNode stored) {
        return stored != null ? stored : EvaluationJson.toJson(assessment.assess(report), mapper);
    }
}
