package cn.jixiao.workflow;

import cn.jixiao.record.ReportFigures;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.report.Section;
import cn.jixiao.scoring.Evaluation;
import cn.jixiao.scoring.EvaluationJson;
import cn.jixiao.scoring.EvaluationSummary;
import cn.jixiao.scoring.Finding;
import cn.jixiao.scoring.ReportAssessment;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task 计算得分与校验: scores and checks the submitted report, stores the evaluation, and with any ERROR
 * sends the report back to the clerk, reopening the sections the errors are in, with the findings in Chinese.
 */
@Component("evaluateReportDelegate")
class EvaluateReportDelegate implements JavaDelegate {

    private final ReportAssessment assessment;
    private final ReportVariables variables;
    private final ObjectMapper mapper;
    private final ReportService reports;
    private final ReportFigures figures;

    EvaluateReportDelegate(
            ReportAssessment assessment,
            ReportVariables variables,
            ObjectMapper mapper,
            ReportService reports,
            ReportFigures figures) {
        this.assessment = assessment;
        this.figures = figures;
        this.reports = reports;
        this.variables = variables;
        this.mapper = mapper;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var report = reports.current(execution);
        Evaluation evaluation = assessment.assess(report);
        String summary = EvaluationSummary.text(evaluation);
        var json = EvaluationJson.toJson(evaluation, mapper);
        execution.setVariable(ProcessVariables.EVALUATION, variables.json(json));
        // The board's and the summary workbook's figures, from the very JSON just stored (cn.jixiao.board).
        figures.record(execution.getProcessInstanceId(), report, json);
        execution.setVariable(ProcessVariables.EVALUATION_SUMMARY_TEXT, summary);
        execution.setVariable(ProcessVariables.EVALUATION_HAS_ERRORS, evaluation.hasErrors());
        execution.removeVariable(ProjectSection.TO_REVISE);
        if (evaluation.hasErrors()) {
            Set<String> sections = sectionsWithErrors(evaluation);
            execution.setVariable(ProcessVariables.SECTIONS_TO_REVISE, variables.json(mapper.valueToTree(sections)));
            Set<Integer> projects = projectsWithErrors(evaluation);
            if (sections.contains(Section.PROJECTS.key()) && !projects.isEmpty()) {
                execution.setVariable(ProjectSection.TO_REVISE, variables.json(mapper.valueToTree(projects)));
            }
            execution.setVariable(ProcessVariables.LAST_RETURN_COMMENT, "系统校验未通过，请修改以下错误后重新提交：\n" + summary);
        }
    }

    /**
     * The projects holding an ERROR, by index: only their 填写项目自评表 tasks reopen (without the list). Empty, so the
     * list and every project reopen, when an error concerns the projects as a whole.
     */
    private static Set<Integer> projectsWithErrors(Evaluation evaluation) {
        Set<Integer> indexes = new LinkedHashSet<>();
        for (Finding finding : evaluation.findings()) {
            if (finding.isError() && finding.pointer().startsWith("/" + Section.PROJECTS.key())) {
                String[] parts = finding.pointer().split("/", 4);
                if (parts.length < 3 || !parts[2].matches("\\d{1,4}")) {
                    return Set.of();
                }
                indexes.add(Integer.parseInt(parts[2]));
            }
        }
        return indexes;
    }

    /** The sections holding an ERROR; empty (so all reopen) when an error lies outside every section. */
    private static Set<String> sectionsWithErrors(Evaluation evaluation) {
        Set<String> keys = new LinkedHashSet<>();
        for (Finding finding : evaluation.findings()) {
            if (finding.isError()) {
                String first = finding.pointer().replaceFirst("^/", "").split("/", 2)[0];
                var section = Section.byKey(first);
                if (section.isEmpty()) {
                    return Set.of();
                }
                keys.add(section.get().key());
            }
        }
        return keys;
    }
}
