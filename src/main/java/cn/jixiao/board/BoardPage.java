package cn.jixiao.board;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The board (报送进度) as one server-side Chinese HTML page, in the style of the public pages: the deadline and days
 * left, a bar of units by stage, three charts (drawn by ECharts from this jar, from data the page carries), the
 * filter form, the sortable, paged table and the 汇总表 download. Everything the table shows works without
 * JavaScript; every text from the database is escaped.
 */
final class BoardPage {

    static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";
    static final String SCRIPT = "/jixiao/board.js";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Everything the page shows. {@code chartData} is JSON (escaped for a script element by the caller). */
    record Model(
            String publisher,
            int fiscalYear,
            List<Integer> years,
            LocalDate deadline,
            LocalDate today,
            BoardStore.Counts counts,
            BoardQuery query,
            BoardStore.Page page,
            List<String> supervisors,
            String chartData,
            boolean documentsForAll,
            ZoneId zone) {}

    private BoardPage() {}

    static String render(Model m) {
        StringBuilder html = new StringBuilder(32_000);
        html.append("""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%d年度 报送进度</title>
        <style>
          body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 1280px; padding: 1em; color: #222; }
          .issuer { color: #a00; font-size: 1.1em; margin: 0; } h1 { font-size: 1.4em; margin: .2em 0 .4em; }
          nav a { margin-right: 1em; } .years a.current { font-weight: bold; color: #222; text-decoration: none; }
          .deadline { font-size: 1.05em; } .late { color: #a94442; font-weight: bold; }
          .bar { display: flex; height: 2em; border-radius: 4px; overflow: hidden; margin: .6em 0; background: #eee; }
          .bar a { color: #fff; text-decoration: none; display: flex; align-items: center; justify-content: center; white-space: nowrap; overflow: hidden; font-size: .9em; }
          .legend span { margin-right: 1.2em; white-space: nowrap; } .legend i { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -.1em; }
          .s-notStarted { background: #9e9e9e; } .s-drafting { background: #5b8ff9; } .s-internalReview { background: #f6bd16; }
          .s-financeReview { background: #e8684a; } .s-accepted { background: #5ad8a6; } .s-published { background: #2e8b57; }
          .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 1em; margin: 1em 0; }
          .chart { height: 300px; border: 1px solid #e5e5e5; border-radius: 4px; }
          form.filter { margin: 1em 0; display: flex; flex-wrap: wrap; gap: .6em 1.2em; align-items: center; }
          form.filter input[type=text] { padding: .3em; width: 12em; } select { padding: .25em; }
          table { border-collapse: collapse; width: 100%%; font-size: .95em; }
          th, td { border-bottom: 1px solid #ddd; padding: .45em .5em; text-align: left; }
          th { background: #f3f5f7; white-space: nowrap; } th a { color: #222; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
          td.overdue { color: #a94442; font-weight: bold; } .download { display: inline-block; background: #2e6da4; color: #fff; padding: .45em 1em; border-radius: 4px; text-decoration: none; }
          .pager { margin: .8em 0; } .pager a, .pager span { margin-right: 1em; } .muted { color: #777; }
        </style>
        <script src="%s" defer></script>
        <script src="%s" defer></script>
        </head><body>
        """.formatted(m.fiscalYear(), ECHARTS, SCRIPT));
        html.append("<p class=\"issuer\">").append(e(m.publisher())).append("</p>\n");
        html.append("<h1>").append(m.fiscalYear()).append("年度部门整体支出绩效自评 报送进度</h1>\n");
        html.append("<nav><a href=\"/camunda/app/tasklist/\">返回任务列表</a><span class=\"years\">年度：");
        for (int year : m.years()) {
            html.append("<a href=\"/board/")
                    .append(year)
                    .append("\"")
                    .append(year == m.fiscalYear() ? " class=\"current\"" : "")
                    .append(">")
                    .append(year)
                    .append("</a> ");
        }
        html.append("</span></nav>\n");
        long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(m.today(), m.deadline());
        html.append("<p class=\"deadline\">截止日期 <strong>")
                .append(DATE.format(m.deadline()))
                .append("</strong>，")
                .append(
                        daysLeft >= 0
                                ? "剩余 <strong id=\"days-left\">" + daysLeft + "</strong> 天"
                                : "<span class=\"late\">已过截止日期 " + (-daysLeft) + " 天</span>")
                .append("　共 <strong id=\"unit-count\">")
                .append(m.counts().total())
                .append("</strong> 个单位，逾期 <strong id=\"overdue-count\" class=\"")
                .append(m.counts().overdue() > 0 ? "late" : "")
                .append("\">")
                .append(m.counts().overdue())
                .append("</strong> 个")
                .append("　<a class=\"download\" id=\"summary-download\" href=\"/api/campaigns/")
                .append(m.fiscalYear())
                .append("/summary.xlsx\">下载汇总表（Excel）</a></p>\n");
        progress(html, m);
        html.append("""
        <div class="charts">
          <div><h2 style="font-size:1.05em">每日报送与截止日期</h2><div class="chart" id="chart-submissions"></div></div>
          <div><h2 style="font-size:1.05em">总分分布与等级</h2><div class="chart" id="chart-scores"></div></div>
          <div><h2 style="font-size:1.05em">各主管部门等级</h2><div class="chart" id="chart-grades"></div></div>
        </div>
        """);
        html.append("<script type=\"application/json\" id=\"board-data\">")
                .append(m.chartData())
                .append("</script>\n");
        filter(html, m);
        table(html, m);
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void progress(StringBuilder html, Model m) {
        long total = Math.max(1, m.counts().total());
        html.append("<div class=\"bar\" id=\"stage-bar\">");
        for (Map.Entry<String, Long> stage : m.counts().byStage().entrySet()) {
            if (stage.getValue() == 0) {
                continue;
            }
            BigDecimal percent = BigDecimal.valueOf(stage.getValue() * 100)
                    .divide(BigDecimal.valueOf(total), 2, java.math.RoundingMode.HALF_UP);
            html.append("<a class=\"s-")
                    .append(stage.getKey())
                    .append("\" style=\"width:")
                    .append(percent.toPlainString())
                    .append("%\" href=\"/board/")
                    .append(m.fiscalYear())
                    .append("?stage=")
                    .append(stage.getKey())
                    .append("\" title=\"")
                    .append(StageNames.name(stage.getKey()))
                    .append(" ")
                    .append(stage.getValue())
                    .append("\">")
                    .append(StageNames.name(stage.getKey()))
                    .append(" ")
                    .append(stage.getValue())
                    .append("</a>");
        }
        html.append("</div>\n<p class=\"legend\">");
        for (Map.Entry<String, Long> stage : m.counts().byStage().entrySet()) {
            html.append("<span data-stage=\"")
                    .append(stage.getKey())
                    .append("\"><i class=\"s-")
                    .append(stage.getKey())
                    .append("\"></i>")
                    .append(StageNames.name(stage.getKey()))
                    .append(" <strong>")
                    .append(stage.getValue())
                    .append("</strong></span>");
        }
        html.append("<span>逾期 <strong class=\"late\">")
                .append(m.counts().overdue())
                .append("</strong></span></p>\n");
    }

    private static void filter(StringBuilder html, Model m) {
        BoardQuery q = m.query();
        html.append("<form class=\"filter\" method=\"get\" action=\"/board/")
                .append(m.fiscalYear())
                .append("\">");
        html.append("<label>阶段 <select name=\"stage\"><option value=\"\">全部</option>");
        for (String stage : StageNames.ORDER) {
            html.append("<option value=\"")
                    .append(stage)
                    .append("\"")
                    .append(stage.equals(q.stage()) ? " selected" : "")
                    .append(">")
                    .append(StageNames.name(stage))
                    .append("</option>");
        }
        html.append("</select></label>");
        html.append("<label><input type=\"checkbox\" name=\"overdue\" value=\"1\"")
                .append(q.overdueOnly() ? " checked" : "")
                .append("> 仅看逾期</label>");
        html.append("<label>主管部门 <select name=\"supervisor\"><option value=\"\">全部</option>");
        for (String s : m.supervisors()) {
            html.append("<option value=\"")
                    .append(e(s))
                    .append("\"")
                    .append(s.equals(q.supervisor()) ? " selected" : "")
                    .append(">")
                    .append(e(s))
                    .append("</option>");
        }
        html.append("</select></label>");
        html.append("<label>单位名称或编码 <input type=\"text\" name=\"q\" value=\"")
                .append(e(q.search()))
                .append("\"></label>");
        html.append("<input type=\"hidden\" name=\"sort\" value=\"")
                .append(e(q.sort()))
                .append("\">");
        html.append("<input type=\"hidden\" name=\"dir\" value=\"")
                .append(q.descending() ? "desc" : "asc")
                .append("\">");
        html.append("<button type=\"submit\" id=\"filter-submit\">查询</button> <a href=\"/board/")
                .append(m.fiscalYear())
                .append("\">清除条件</a></form>\n");
    }

    private static final List<String[]> COLUMNS = List.of(
            new String[] {"unit", "单位"},
            new String[] {"supervisor", "主管部门"},
            new String[] {"stage", "阶段"},
            new String[] {"overdue", "逾期"},
            new String[] {"submitted", "提交日期"},
            new String[] {"score", "总分"},
            new String[] {"grade", "等级"},
            new String[] {"errors", "错误"},
            new String[] {"warnings", "警告"});

    private static void table(StringBuilder html, Model m) {
        BoardQuery q = m.query();
        long total = m.page().total();
        int pages = (int) Math.max(1, (total + BoardQuery.PAGE_SIZE - 1) / BoardQuery.PAGE_SIZE);
        html.append("<p class=\"muted\" id=\"row-count\">符合条件的单位 ")
                .append(total)
                .append(" 个</p>\n");
        html.append("<table id=\"units\"><thead><tr>");
        for (String[] column : COLUMNS) {
            String arrow = column[0].equals(q.sort()) ? (q.descending() ? " ▼" : " ▲") : "";
            html.append("<th><a href=\"/board/")
                    .append(m.fiscalYear())
                    .append("?")
                    .append(e(q.sortedBy(column[0]).queryString()))
                    .append("\" data-sort=\"")
                    .append(column[0])
                    .append("\">")
                    .append(column[1])
                    .append(arrow)
                    .append("</a></th>");
        }
        html.append("<th>报告</th></tr></thead><tbody>\n");
        for (BoardStore.Row row : m.page().rows()) {
            html.append("<tr data-unit=\"")
                    .append(e(row.unitCode()))
                    .append("\" data-stage=\"")
                    .append(row.stage())
                    .append("\"><td>")
                    .append(e(row.unitName() == null ? row.unitCode() : row.unitName()))
                    .append("<br><span class=\"muted\">")
                    .append(e(row.unitCode()))
                    .append("</span></td><td>")
                    .append(e(row.supervisor()))
                    .append("</td><td>")
                    .append(StageNames.name(row.stage()))
                    .append("</td>")
                    .append(row.overdue() ? "<td class=\"overdue\">逾期</td>" : "<td></td>")
                    .append("<td>")
                    .append(dateTime(row.submittedAt(), m.zone()))
                    .append("</td><td class=\"num\">")
                    .append(
                            row.totalScore() == null
                                    ? ""
                                    : row.totalScore().setScale(2).toPlainString())
                    .append("</td><td>")
                    .append(e(row.grade()))
                    .append("</td><td class=\"num\">")
                    .append(row.errors() == null ? "" : row.errors())
                    .append("</td><td class=\"num\">")
                    .append(row.warnings() == null ? "" : row.warnings())
                    .append("</td><td>")
                    .append(links(row, m.documentsForAll()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n<p class=\"pager\">");
        if (q.page() > 1) {
            html.append("<a href=\"/board/")
                    .append(m.fiscalYear())
                    .append("?")
                    .append(e(q.onPage(q.page() - 1).queryString()))
                    .append("\">上一页</a>");
        }
        html.append("<span>第 ").append(q.page()).append(" / ").append(pages).append(" 页</span>");
        if (q.page() < pages) {
            html.append("<a href=\"/board/")
                    .append(m.fiscalYear())
                    .append("?")
                    .append(e(q.onPage(q.page() + 1).queryString()))
                    .append("\" id=\"next-page\">下一页</a>");
        }
        html.append("</p>\n");
    }

    /**
     * The report's .docx (a preview while it is under way, the published one once published) and its evaluation — for
     * reports the finance bureau has received (administrators: every report), as /api/reports lets them read.
     */
    private static String links(BoardStore.Row row, boolean everyReport) {
        if (row.reportId() == null || !(everyReport || row.seenByFinance())) {
            return "";
        }
        String base = "/api/reports/" + e(row.reportId());
        return "<a href=\"" + base + "/document\">" + ("published".equals(row.stage()) ? "公开报告" : "报告预览")
                + "</a> <a href=\"" + base + "/evaluation\">评分</a>";
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
