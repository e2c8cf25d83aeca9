package cn.jixiao.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.docx4j.wml.P;
import org.docx4j.wml.PPrBase;

/**
 * The body of the report in the order of the published sample: title and unit, 一、单位基本情况, 二、预算支出及绩效情况,
 * 三、存在的问题及改进措施, 四、其他需要说明的情况, the 附件说明 and signature, then one 自评表 per project on its own page.
 */
final class ReportBody {

    private final List<Object> content = new ArrayList<>();
    private final JsonNode report;
    private final JsonNode evaluation;
    private final DocumentOptions options;

    private ReportBody(JsonNode report, JsonNode evaluation, DocumentOptions options) {
        this.report = report;
        this.evaluation = evaluation;
        this.options = options;
    }

    /** The body's block content (paragraphs and tables), without the section properties. */
    static List<Object> build(JsonNode report, JsonNode evaluation, DocumentOptions options) {
        ReportBody body = new ReportBody(report, evaluation, options);
        body.write();
        return body.content;
    }

    private void write() {
        add(DocStyles.TITLE, ReportText.title(report));
        add(DocStyles.UNIT_NAME, ReportText.unitName(report));

        JsonNode basicInfo = Fields.node(report, "basicInfo");
        add(DocStyles.HEADING1, "一、单位基本情况");
        add(DocStyles.HEADING2, "(一)部门主要职责");
        body(ReportText.responsibilitiesLead(report));
        body(ReportText.numbered(Fields.texts(basicInfo, "responsibilities")));
        add(DocStyles.HEADING2, "(二)人员编制情况");
        body(ReportText.staffing(report));

        add(DocStyles.HEADING1, "二、预算支出及绩效情况");
        add(DocStyles.HEADING2, "(一)部门预决算情况");
        add(DocStyles.HEADING3, "1.部门预算情况");
        body(ReportText.initialBudget(report));
        add(DocStyles.HEADING3, "2.部门决算情况(含年中预算追加情况)");
        body(ReportText.finalAccounts(report));
        body(ReportText.priorYearChange(report));
        body(ReportText.priorYearNote(report));
        add(DocStyles.HEADING3, "3.“三公”经费执行情况");
        body(ReportText.threePublicExpenses(report));
        add(DocStyles.HEADING3, "4.政府采购执行情况");
        body(ReportText.procurement(report));
        add(DocStyles.HEADING3, "5.资产管理情况");
        body(ReportText.assets(report));
        add(DocStyles.HEADING2, "(二)资金使用及绩效情况");
        add(DocStyles.HEADING3, "1.整体绩效目标完成情况");
        body(ReportText.overallGoals(report));
        add(DocStyles.HEADING3, "2.项目绩效目标完成情况");
        bodyOrNone(ReportText.projectNarratives(report));

        JsonNode problems = Fields.node(report, "problems");
        add(DocStyles.HEADING1, "三、存在的问题及改进措施");
        List<String> problemParagraphs = new ArrayList<>(ReportText.lines(Fields.text(problems, "summary")));
        problemParagraphs.addAll(ReportText.numbered(Fields.texts(problems, "items")));
        problemParagraphs.addAll(ReportText.measures(report));
        bodyOrNone(problemParagraphs);

        add(DocStyles.HEADING1, "四、其他需要说明的情况");
        bodyOrNone(ReportText.lines(Fields.text(report, "otherNotes")));

        List<JsonNode> projects = Fields.elements(report, "projects");
        attachmentNote(projects);
        signature();
        for (int i = 0; i < projects.size(); i++) {
            attachment(i, projects.get(i));
        }
    }

    /** 附件说明 (GB/T 9704 7.3.4): "附件：1.…自评表" under the text. */
    private void attachmentNote(List<JsonNode> projects) {
        for (int i = 0; i < projects.size(); i++) {
            String project = Fields.text(projects.get(i), "name");
            String name = ReportText.year(report) + "年度" + (project == null ? "" : project) + "预算支出绩效自评表";
            String number = projects.size() == 1 ? "" : (i + 1) + ".";
            P p = Wml.paragraph(DocStyles.ATTACHMENT_NOTE, (i == 0 ? "附件：" : "") + number + name);
            if (i > 0) { // later items align under the first item's text, with no space above
                PPrBase.Spacing spacing = new PPrBase.Spacing();
                spacing.setBefore(Wml.big(0));
                p.getPPr().setSpacing(spacing);
                PPrBase.Ind ind = new PPrBase.Ind();
                ind.setLeft(Wml.big(Layout.INDENT_TWO_CHARS + 3L * Layout.SIZE_BODY * 10));
                ind.setHanging(Wml.big(0));
                p.getPPr().setInd(ind);
            }
            content.add(p);
        }
    }

    /** 发文机关署名 and 成文日期, when the copy carries a date. */
    private void signature() {
        if (options.publishedOn() == null) {
            return;
        }
        P blank = Wml.paragraph(DocStyles.SIGNATURE, null);
        content.add(blank);
        content.add(Wml.paragraph(DocStyles.SIGNATURE, ReportText.unitName(report)));
        content.add(Wml.paragraph(DocStyles.SIGNATURE, ReportText.date(options.publishedOn())));
    }

    private void attachment(int index, JsonNode project) {
        P label = Wml.paragraph(DocStyles.ATTACHMENT_LABEL, "附件" + (index + 1));
        label.getPPr().setPageBreakBefore(Wml.on());
        content.add(label);
        add(DocStyles.TABLE_TITLE, ReportText.year(report) + "年度预算支出绩效自评表");
        content.add(ProjectTable.build(report, project, projectEvaluation(index, project)));
    }

    /** The evaluation of the project at {@code index}: same position and name, else the one with the name. */
    private JsonNode projectEvaluation(int index, JsonNode project) {
        List<JsonNode> evaluated = Fields.elements(evaluation, "projects");
        String name = Fields.text(project, "name");
        if (index < evaluated.size()) {
            String evaluatedName = Fields.text(evaluated.get(index), "name");
            if (evaluatedName == null || evaluatedName.equals(name)) {
                return evaluated.get(index);
            }
        }
        for (JsonNode candidate : evaluated) {
            if (name != null && name.equals(Fields.text(candidate, "name"))) {
                return candidate;
            }
        }
        return null;
    }

    private void add(String style, String text) {
        content.add(Wml.paragraph(style, text));
    }

    private void body(String text) {
        if (text != null && !text.isEmpty()) {
            add(DocStyles.BODY, text);
        }
    }

    private void body(List<String> paragraphs) {
        paragraphs.forEach(this::body);
    }

    private void bodyOrNone(List<String> paragraphs) {
        if (paragraphs.isEmpty()) {
            body("无。");
        } else {
            body(paragraphs);
        }
    }
}
