package cn.jixiao.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the report says, in the order of the published sample, as format-neutral {@link Block}s: title and unit,
 * 一、单位基本情况, 二、预算支出及绩效情况, 三、存在的问题及改进措施, 四、其他需要说明的情况, the 附件说明, the 落款 (unit and
 * date), then one 自评表 per project; for a report of the tables alone ({@code "scope": "projects"}) the title page and
 * the tables only. The .docx and the HTML reading view are both rendered from it, so the wording, figures and tables
 * are computed once. Pure and stateless.
 */
public final class ReportContent {

    private final List<Block> blocks = new ArrayList<>();
    private final JsonNode report;
    private final JsonNode evaluation;
    private final LocalDate date;

    private ReportContent(JsonNode report, JsonNode evaluation, LocalDate date) {
        this.report = report;
        this.evaluation = evaluation;
        this.date = date;
    }

    /**
     * The blocks of a report.
     *
     * @param report     the report, schema-valid (optional fields may be absent)
     * @param evaluation its evaluation; null shows "—" for the scores of the 自评表
     * @param date       the 成文日期 of the 落款 (the publication date, or the day a draft copy is made)
     */
    public static List<Block> of(JsonNode report, JsonNode evaluation, LocalDate date) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(date, "date");
        ReportContent content = new ReportContent(report, evaluation, date);
        content.write();
        return List.copyOf(content.blocks);
    }

    /** "2023年3月15日": the 成文日期 as GB/T 9704 writes it (Arabic numerals, no leading zeros). */
    public static String chineseDate(LocalDate date) {
        return ReportText.date(date);
    }

    private void write() {
        blocks.add(new Block.Title(ReportText.title(report)));
        blocks.add(new Block.UnitName(ReportText.unitName(report)));
        if (ReportText.projectsOnly(report)) {
            writeTablesAlone();
            return;
        }

        JsonNode basicInfo = Fields.node(report, "basicInfo");
        heading(1, "一、单位基本情况");
        heading(2, "(一)部门主要职责");
        body(ReportText.responsibilitiesLead(report));
        body(ReportText.numbered(Fields.texts(basicInfo, "responsibilities")));
        heading(2, "(二)人员编制情况");
        body(ReportText.staffing(report));

        heading(1, "二、预算支出及绩效情况");
        heading(2, "(一)部门预决算情况");
        heading(3, "1.部门预算情况");
        body(ReportText.initialBudget(report));
        heading(3, "2.部门决算情况(含年中预算追加情况)");
        body(ReportText.finalAccounts(report));
        body(ReportText.priorYearChange(report));
        body(ReportText.priorYearNote(report));
        heading(3, "3.“三公”经费执行情况");
        body(ReportText.threePublicExpenses(report));
        heading(3, "4.政府采购执行情况");
        body(ReportText.procurement(report));
        heading(3, "5.资产管理情况");
        body(ReportText.assets(report));
        heading(2, "(二)资金使用及绩效情况");
        heading(3, "1.整体绩效目标完成情况");
        body(ReportText.overallGoals(report));
        heading(3, "2.项目绩效目标完成情况");
        bodyOrNone(ReportText.projectNarratives(report));

        JsonNode problems = Fields.node(report, "problems");
        heading(1, "三、存在的问题及改进措施");
        List<String> problemParagraphs = new ArrayList<>(ReportText.lines(Fields.text(problems, "summary")));
        problemParagraphs.addAll(ReportText.numbered(Fields.texts(problems, "items")));
        problemParagraphs.addAll(ReportText.measures(report));
        bodyOrNone(problemParagraphs);

        heading(1, "四、其他需要说明的情况");
        bodyOrNone(ReportText.lines(Fields.text(report, "otherNotes")));

        List<JsonNode> projects = Fields.elements(report, "projects");
        attachmentNote(projects);
        blocks.add(new Block.Signature(ReportText.unitName(report), ReportText.date(date)));
        for (int i = 0; i < projects.size(); i++) {
            blocks.add(new Block.Attachment(
                    "附件" + (i + 1),
                    ReportText.year(report) + "年度预算支出绩效自评表",
                    ProjectTable.grid(report, projects.get(i), projectEvaluation(i, projects.get(i)))));
        }
    }

    /**
     * A report of the 项目支出绩效自评表 alone (scope projects), as units publish them: no department chapter, a title
     * page (the title, the unit, the list of the tables, the 落款), then each table on a page of its own, labelled
     * 表1, 表2, … instead of 附件.
     */
    private void writeTablesAlone() {
        List<JsonNode> projects = Fields.elements(report, "projects");
        List<String> list = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            String project = Fields.text(projects.get(i), "name");
            list.add("表" + (i + 1) + "　" + ReportText.year(report) + "年度" + (project == null ? "" : project)
                    + "预算支出绩效自评表");
        }
        body("本单位" + ReportText.year(report) + "年度项目支出绩效自评表共" + projects.size() + "张" + (list.isEmpty() ? "。" : "："));
        body(list);
        blocks.add(new Block.Signature(ReportText.unitName(report), ReportText.date(date)));
        for (int i = 0; i < projects.size(); i++) {
            blocks.add(new Block.Attachment(
                    "表" + (i + 1),
                    ReportText.year(report) + "年度预算支出绩效自评表",
                    ProjectTable.grid(report, projects.get(i), projectEvaluation(i, projects.get(i)))));
        }
    }

    /** 附件说明 (GB/T 9704 7.3.4): "附件：1.…自评表" under the text; none without projects. */
    private void attachmentNote(List<JsonNode> projects) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            String project = Fields.text(projects.get(i), "name");
            String name = ReportText.year(report) + "年度" + (project == null ? "" : project) + "预算支出绩效自评表";
            String number = projects.size() == 1 ? "" : (i + 1) + ".";
            lines.add((i == 0 ? "附件：" : "") + number + name);
        }
        if (!lines.isEmpty()) {
            blocks.add(new Block.AttachmentNote(lines));
        }
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

    private void heading(int level, String text) {
        blocks.add(new Block.Heading(level, text));
    }

    private void body(String text) {
        if (text != null && !text.isEmpty()) {
            blocks.add(new Block.Paragraph(text));
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
