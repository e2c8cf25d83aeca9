package cn.jixiao.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sentences of the report body, worded like the published 2022 sample of 衡山县行政审批服务局. Every derived
 * figure (较预算增加, 占总支出的, totals, 资产使用率) is computed here from the report's numbers with BigDecimal.
 * A part whose numbers are absent is left out of its sentence.
 */
final class ReportText {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final String END_PUNCTUATION = "。！？；…”』」）)";

    private ReportText() {}

    static String title(JsonNode report) {
        return year(report) + (projectsOnly(report) ? "年度项目支出绩效自评表" : "年度部门整体支出绩效自评报告");
    }

    /** Whether the report is the 项目支出绩效自评表 alone ({@code "scope": "projects"}), not the whole report. */
    static boolean projectsOnly(JsonNode report) {
        return "projects".equals(Fields.text(report, "scope"));
    }

    static String unitName(JsonNode report) {
        String name = Fields.text(Fields.node(report, "unit"), "name");
        return name == null ? "" : name;
    }

    static String year(JsonNode report) {
        String year = Fields.text(report, "fiscalYear");
        return year == null ? "" : year;
    }

    /** "衡山县行政审批服务局的主要职责是：". */
    static String responsibilitiesLead(JsonNode report) {
        return unitName(report) + "的主要职责是：";
    }

    /** "核定…编制数合计14名，行政编制数3名，事业编制数10名，工勤人员编制数1名。现有在职在岗在编职工14人，离退休0人，临聘人员25人。" */
    static String staffing(JsonNode report) {
        JsonNode staffing = Fields.node(Fields.node(report, "basicInfo"), "staffing");
        StringBuilder authorized = new StringBuilder();
        appendPart(authorized, "核定" + unitName(report) + "编制数合计", Fields.decimal(staffing, "authorizedTotal"), "名");
        appendPart(authorized, "行政编制数", Fields.decimal(staffing, "administrative"), "名");
        appendPart(authorized, "事业编制数", Fields.decimal(staffing, "publicInstitution"), "名");
        appendPart(authorized, "工勤人员编制数", Fields.decimal(staffing, "logistics"), "名");
        StringBuilder people = new StringBuilder();
        appendPart(people, "现有在职在岗在编职工", Fields.decimal(staffing, "onDuty"), "人");
        appendPart(people, "离退休", Fields.decimal(staffing, "retired"), "人");
        appendPart(people, "临聘人员", Fields.decimal(staffing, "temporary"), "人");
        return sentence(authorized) + sentence(people);
    }

    /** 1.部门预算情况. */
    static String initialBudget(JsonNode report) {
        String year = year(report);
        JsonNode initial = Fields.node(budget(report), "initial");
        StringBuilder revenue = new StringBuilder();
        appendPart(revenue, year + "年年初预算安排收入", Fields.decimal(initial, "revenueTotal"), "万元");
        BigDecimal grant = Fields.decimal(initial, "generalPublicBudgetGrant");
        if (grant != null) {
            revenue.append(revenue.length() == 0 ? "" : "，")
                    .append("其中一般公共财政拨款")
                    .append(Figures.show(grant))
                    .append("万元");
        }
        StringBuilder expenditure = new StringBuilder();
        appendPart(expenditure, year + "年年初预算安排支出", Fields.decimal(initial, "expenditureTotal"), "万元");
        expenditure.append(split(
                Fields.decimal(initial, "basicExpenditure"), Fields.decimal(initial, "projectExpenditure"), null));
        return joinClauses(revenue, expenditure);
    }

    /** 2.部门决算情况(含年中预算追加情况), with 较预算增加/减少 and the shares of 基本支出 and 项目支出. */
    static String finalAccounts(JsonNode report) {
        String year = year(report);
        JsonNode finals = Fields.node(budget(report), "finalAccounts");
        BigDecimal revenue = Fields.decimal(finals, "revenueTotal");
        BigDecimal initialRevenue = Fields.decimal(Fields.node(budget(report), "initial"), "revenueTotal");
        BigDecimal expenditure = Fields.decimal(finals, "expenditureTotal");
        StringBuilder text = new StringBuilder();
        appendPart(text, year + "年决算总收入", revenue, "万元");
        BigDecimal change = Figures.subtract(revenue, initialRevenue);
        if (change != null) {
            text.append(text.length() == 0 ? "" : "，").append(change(change, "较预算", "与预算持平"));
        }
        appendPart(text, "总支出", expenditure, "万元");
        text.append(split(
                Fields.decimal(finals, "basicExpenditure"), Fields.decimal(finals, "projectExpenditure"), expenditure));
        String result = sentence(text);
        String reason = Fields.text(finals, "varianceReason");
        if (reason != null) {
            String oneLine = String.join("", lines(reason));
            result += ensureEnd(oneLine.startsWith("差异产生的主要原因") ? oneLine : "差异产生的主要原因是" + oneLine);
        }
        return result;
    }

    /** "与2021年相比，运行经费减少72.74万元，专项经费减少74万元，合计减少146.74万元。", or null without figures. */
    static String priorYearChange(JsonNode report) {
        JsonNode comparison = Fields.node(budget(report), "priorYearComparison");
        BigDecimal operating = Fields.decimal(comparison, "operatingFundsChange");
        BigDecimal special = Fields.decimal(comparison, "specialFundsChange");
        if (operating == null && special == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        String year = year(report);
        text.append(year.isEmpty() ? "与上年相比" : "与" + previousYear(year) + "年相比");
        if (operating != null) {
            text.append("，").append(change(operating, "运行经费", "运行经费持平"));
        }
        if (special != null) {
            text.append("，").append(change(special, "专项经费", "专项经费持平"));
        }
        if (operating != null && special != null) {
            text.append("，").append(change(operating.add(special), "合计", "合计持平"));
        }
        return text.append("。").toString();
    }

    /** The note of priorYearComparison, as paragraphs (possibly none). */
    static List<String> priorYearNote(JsonNode report) {
        return lines(Fields.text(Fields.node(budget(report), "priorYearComparison"), "note"));
    }

    /** 3.“三公”经费执行情况: the 预算数 and 决算数 totals and their three items. */
    static String threePublicExpenses(JsonNode report) {
        JsonNode three = Fields.node(budget(report), "threePublicExpenses");
        return threePublic(year(report) + "年“三公”经费预算数", Fields.node(three, "budget"))
                + threePublic("“三公”经费决算数", Fields.node(three, "actual"));
    }

    private static String threePublic(String lead, JsonNode items) {
        BigDecimal overseas = Fields.decimal(items, "overseasTravel");
        BigDecimal vehicles = Fields.decimal(items, "vehicles");
        BigDecimal reception = Fields.decimal(items, "officialReception");
        BigDecimal total = Figures.sum(overseas, vehicles, reception);
        if (total == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(lead).append(Figures.show(total)).append("万元");
        List<String> parts = new ArrayList<>();
        addPart(parts, "因公出国(境)费", overseas, "万元");
        addPart(parts, "公务用车购置及运行维护费", vehicles, "万元");
        addPart(parts, "公务接待费", reception, "万元");
        text.append("，其中：").append(String.join("，", parts));
        return sentence(text);
    }

    /** 4.政府采购执行情况: the total of 货物, 工程 and 服务. */
    static String procurement(JsonNode report) {
        JsonNode procurement = Fields.node(budget(report), "governmentProcurement");
        BigDecimal goods = Fields.decimal(procurement, "goods");
        BigDecimal works = Fields.decimal(procurement, "works");
        BigDecimal services = Fields.decimal(procurement, "services");
        BigDecimal total = Figures.sum(goods, works, services);
        StringBuilder text = new StringBuilder();
        appendPart(text, year(report) + "年度政府采购支出", total, "万元");
        List<String> parts = new ArrayList<>();
        addPart(parts, "货物", goods, "万元");
        addPart(parts, "工程", works, "万元");
        addPart(parts, "服务", services, "万元");
        if (!parts.isEmpty()) {
            text.append("，其中：").append(String.join("，", parts));
        }
        return sentence(text);
    }

    /** 5.资产管理情况, with 资产使用率 = 在用资产 ÷ 固定资产账面原值. */
    static String assets(JsonNode report) {
        String year = year(report);
        JsonNode assets = Fields.node(budget(report), "assets");
        StringBuilder totals = new StringBuilder();
        appendPart(totals, year + "年年末资产总额", Fields.decimal(assets, "totalAssets"), "万元");
        appendPart(totals, "负债总额", Fields.decimal(assets, "totalLiabilities"), "万元");
        appendPart(totals, "净资产", Fields.decimal(assets, "netAssets"), "万元");
        BigDecimal original = Fields.decimal(assets, "fixedAssetsOriginalValue");
        BigDecimal inUse = Fields.decimal(assets, "assetsInUse");
        StringBuilder fixed = new StringBuilder();
        if (original != null || inUse != null) {
            fixed.append("截至").append(year).append("年12月31日");
            appendPart(fixed, "固定资产账面原值", original, "万元");
            appendPart(fixed, "在用资产", inUse, "万元");
            String rate = Figures.showPercent(Figures.percent(inUse, original));
            if (rate != null) {
                fixed.append("，资产使用率").append(rate);
            }
        }
        return sentence(totals) + sentence(fixed);
    }

    /** 1.整体绩效目标完成情况: 一是…, 二是…; an achievement of several lines keeps its later lines as paragraphs. */
    static List<String> overallGoals(JsonNode report) {
        List<String> paragraphs = new ArrayList<>();
        List<String> goals = Fields.texts(Fields.node(report, "performance"), "overallGoalAchievements");
        for (int i = 0; i < goals.size(); i++) {
            List<String> lines = lines(goals.get(i));
            if (lines.isEmpty()) {
                continue;
            }
            paragraphs.add(Numbering.ordinal(i) + Numbering.withoutOrdinal(lines.get(0)));
            paragraphs.addAll(lines.subList(1, lines.size()));
        }
        return paragraphs;
    }

    /** 2.项目绩效目标完成情况: every narrative, one paragraph per line. */
    static List<String> projectNarratives(JsonNode report) {
        List<String> paragraphs = new ArrayList<>();
        for (JsonNode narrative : Fields.elements(Fields.node(report, "performance"), "projectNarratives")) {
            paragraphs.addAll(lines(Fields.text(narrative, "text")));
        }
        return paragraphs;
    }

    /** Numbered paragraphs （一）…, a marker the clerk typed already is not doubled. */
    static List<String> numbered(List<String> items) {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<String> lines = lines(items.get(i));
            if (lines.isEmpty()) {
                continue;
            }
            paragraphs.add(Numbering.listMarker(i) + Numbering.withoutListMarker(lines.get(0)));
            paragraphs.addAll(lines.subList(1, lines.size()));
        }
        return paragraphs;
    }

    /** 改进措施: one measure in the same paragraph as the lead, several as 一是…二是… after it. */
    static List<String> measures(JsonNode report) {
        List<String> measures = Fields.texts(Fields.node(report, "problems"), "measures");
        List<String> paragraphs = new ArrayList<>();
        if (measures.isEmpty()) {
            return paragraphs;
        }
        if (measures.size() == 1) {
            List<String> lines = lines(measures.get(0));
            paragraphs.add("改进措施：" + lines.get(0));
            paragraphs.addAll(lines.subList(1, lines.size()));
            return paragraphs;
        }
        paragraphs.add("改进措施：");
        for (int i = 0; i < measures.size(); i++) {
            List<String> lines = lines(measures.get(i));
            paragraphs.add(Numbering.ordinal(i) + Numbering.withoutOrdinal(lines.get(0)));
            paragraphs.addAll(lines.subList(1, lines.size()));
        }
        return paragraphs;
    }

    /** The paragraphs of a text: one per line, trimmed, blank lines dropped; none for null. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String line : LINE_BREAK.split(text)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return lines;
    }

    /** "2022年12月31日"-style date, as GB/T 9704 writes the 成文日期 (Arabic numerals, no leading zeros). */
    static String date(java.time.LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static JsonNode budget(JsonNode report) {
        return Fields.node(report, "budget");
    }

    private static String previousYear(String year) {
        try {
            return Integer.toString(Integer.parseInt(year) - 1);
        } catch (NumberFormatException e) {
            return "上";
        }
    }

    /** "较预算增加641.82万元" / "较预算减少3万元" / the text for no change. */
    private static String change(BigDecimal change, String lead, String whenEqual) {
        String shown = Figures.show(change.abs());
        if ("0".equals(shown)) {
            return whenEqual;
        }
        return lead + (change.signum() > 0 ? "增加" : "减少") + shown + "万元";
    }

    /** "，其中：基本支出181.26万元，占总支出的22.07%；项目支出639.91万元，占总支出的77.93%". */
    private static String split(BigDecimal basic, BigDecimal project, BigDecimal totalForShares) {
        List<String> parts = new ArrayList<>();
        for (Object[] part : new Object[][] {{"基本支出", basic}, {"项目支出", project}}) {
            BigDecimal amount = (BigDecimal) part[1];
            if (amount == null) {
                continue;
            }
            String text = part[0] + Figures.show(amount) + "万元";
            String share = Figures.showPercent(Figures.percent(amount, totalForShares));
            parts.add(share == null ? text : text + "，占总支出的" + share);
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "，其中：" + String.join(totalForShares == null ? "，" : "；", parts);
    }

    private static void appendPart(StringBuilder text, String label, BigDecimal value, String unit) {
        if (value == null) {
            return;
        }
        if (text.length() > 0) {
            text.append("，");
        }
        text.append(label).append(Figures.show(value)).append(unit);
    }

    private static void addPart(List<String> parts, String label, BigDecimal value, String unit) {
        if (value != null) {
            parts.add(label + Figures.show(value) + unit);
        }
    }

    private static String joinClauses(StringBuilder first, StringBuilder second) {
        if (first.length() == 0) {
            return sentence(second);
        }
        if (second.length() == 0) {
            return sentence(first);
        }
        return first + "；" + second + "。";
    }

    private static String sentence(CharSequence text) {
        return text.length() == 0 ? "" : text + "。";
    }

    /** Adds a full stop unless the text already ends a sentence. */
    static String ensureEnd(String text) {
        if (text.isEmpty() || END_PUNCTUATION.indexOf(text.charAt(text.length() - 1)) >= 0) {
            return text;
        }
        return text + "。";
    }
}
