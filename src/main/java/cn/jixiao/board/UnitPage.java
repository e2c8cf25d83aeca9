package cn.jixiao.board;

import java.util.List;

/**
 * 本单位: what a unit's clerks and leaders see instead of the board — each of their units' reports over the years
 * with 阶段, 总分 and 等级, a trend line of 总分, and the rank in the year among the accepted and published reports
 * once their report is one of them. Server-side Chinese HTML like the board; texts from the database escaped.
 */
final class UnitPage {

    /** One unit with its years; {@code trendData} is JSON for the trend chart (escaped for a script element). */
    record UnitSection(String unitCode, String unitName, List<BoardStore.UnitYear> years, String trendData) {}

    private UnitPage() {}

    static String render(String publisher, List<UnitSection> units) {
        StringBuilder html = new StringBuilder(8_000);
        html.append("""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>本单位绩效自评</title>
        <style>
          body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 960px; padding: 1em; color: #222; }
          .issuer { color: #a00; font-size: 1.1em; margin: 0; } h1 { font-size: 1.4em; margin-top: .2em; } h2 { font-size: 1.15em; }
          table { border-collapse: collapse; width: 100%%; } th, td { border-bottom: 1px solid #ddd; padding: .5em; text-align: left; }
          th { background: #f3f5f7; } td.num { text-align: right; } .chart { height: 260px; border: 1px solid #e5e5e5; margin: 1em 0; }
          .muted { color: #777; }
        </style>
        <script src="%s" defer></script>
        <script src="%s" defer></script>
        </head><body>
        """.formatted(BoardPage.ECHARTS, BoardPage.SCRIPT));
        html.append("<p class=\"issuer\">")
                .append(BoardPage.e(publisher))
                .append("</p>\n<h1>本单位绩效自评</h1>\n")
                .append("<nav><a href=\"/camunda/app/tasklist/\">返回任务列表</a></nav>\n");
        if (units.isEmpty()) {
            html.append("<p>您不属于任何预算单位，没有可查看的自评报告。</p>\n");
        }
        for (UnitSection unit : units) {
            html.append("<section data-unit=\"")
                    .append(BoardPage.e(unit.unitCode()))
                    .append("\"><h2>")
                    .append(BoardPage.e(unit.unitName()))
                    .append(" <span class=\"muted\">")
                    .append(BoardPage.e(unit.unitCode()))
                    .append("</span></h2>\n");
            if (unit.years().isEmpty()) {
                html.append("<p>本单位尚无自评报告。</p></section>\n");
                continue;
            }
            if (units.size() == 1) {
                html.append(
                                "<div class=\"chart\" id=\"chart-trend\"></div>\n<script type=\"application/json\" id=\"board-data\">")
                        .append(unit.trendData())
                        .append("</script>\n");
            }
            html.append("<table><thead><tr><th>年度</th><th>阶段</th><th>总分</th><th>等级</th><th>名次</th><th>公开日期</th>")
                    .append("</tr></thead><tbody>\n");
            for (BoardStore.UnitYear year : unit.years()) {
                html.append("<tr data-year=\"")
                        .append(year.fiscalYear())
                        .append("\"><td>")
                        .append(year.fiscalYear())
                        .append("</td><td>")
                        .append(StageNames.name(year.stage()))
                        .append("</td><td class=\"num\">")
                        .append(
                                year.totalScore() == null
                                        ? ""
                                        : year.totalScore().setScale(2).toPlainString())
                        .append("</td><td>")
                        .append(BoardPage.e(year.grade()))
                        .append("</td><td class=\"rank\">")
                        .append(
                                year.rank() == null
                                        ? "<span class=\"muted\">审核通过后显示</span>"
                                        : "第 " + year.rank() + " 名（共 " + year.ranked() + " 个已通过的单位）")
                        .append("</td><td>")
                        .append(year.publishedOn() == null ? "" : year.publishedOn())
                        .append("</td></tr>\n");
            }
            html.append("</tbody></table></section>\n");
        }
        html.append("</body></html>\n");
        return html.toString();
    }
}
