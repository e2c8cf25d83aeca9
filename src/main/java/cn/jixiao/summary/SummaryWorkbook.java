package cn.jixiao.summary;

import cn.jixiao.board.StageNames;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The year's 汇总表 with Apache POI: 单位汇总 (one row per unit), 项目明细 (one row per project), 说明 (the year, when it
 * was made, the grade bands and scoring rules in force). Numbers are number cells (money 0.00 in 万元, rates 0.00%,
 * scores 0.00), dates are date cells, the header row is frozen and filtered, widths fit the content. Streamed
 * (SXSSF, 200 rows in memory), so 10,000 units take little memory.
 */
final class SummaryWorkbook {

    static final String UNITS = "单位汇总";
    static final String PROJECTS = "项目明细";
    static final String NOTES = "说明";

    static final List<String> UNIT_HEADERS = List.of(
            "单位编码",
            "单位名称",
            "主管部门",
            "阶段",
            "是否逾期",
            "提交日期",
            "公开日期",
            "项目数",
            "年初预算数（万元）",
            "全年预算数（万元）",
            "全年执行数（万元）",
            "执行率",
            "总分",
            "等级",
            "名次",
            "校验发现数");

    static final List<String> PROJECT_HEADERS = List.of(
            "单位编码",
            "单位名称",
            "项目名称",
            "年度资金总额·年初预算数（万元）",
            "年度资金总额·全年预算数（万元）",
            "年度资金总额·全年执行数（万元）",
            "当年财政拨款·年初预算数（万元）",
            "当年财政拨款·全年预算数（万元）",
            "当年财政拨款·全年执行数（万元）",
            "上年结转资金·年初预算数（万元）",
            "上年结转资金·全年预算数（万元）",
            "上年结转资金·全年执行数（万元）",
            "其他资金·年初预算数（万元）",
            "其他资金·全年预算数（万元）",
            "其他资金·全年执行数（万元）",
            "执行率",
            "预算执行率得分",
            "产出指标得分",
            "效益指标得分",
            "满意度指标得分",
            "总分",
            "等级");

    /** What the workbook is made of. Projects come as a stream: {@code projects} hands each row to the consumer. */
    record Content(
            int fiscalYear,
            Instant generatedAt,
            ZoneId zone,
            List<SummaryStore.UnitRow> units,
            Map<String, Integer> ranks,
            Consumer<Consumer<SummaryStore.ProjectRow>> projects,
            List<GradeBands.Band> bands,
            List<String> rules) {}

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final CellStyle header;
    private final CellStyle money;
    private final CellStyle percent;
    private final CellStyle score;
    private final CellStyle count;
    private final CellStyle date;
    private final CellStyle text;

    private SummaryWorkbook() {
        var format = workbook.createDataFormat();
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(false);
        money = style(format.getFormat("0.00"));
        percent = style(format.getFormat("0.00%"));
        score = style(format.getFormat("0.00"));
        count = style(format.getFormat("0"));
        date = style(format.getFormat("yyyy-mm-dd"));
        text = workbook.createCellStyle();
    }

    private CellStyle style(short dataFormat) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(dataFormat);
        return style;
    }

    static void write(Content content, OutputStream out) throws IOException {
        SummaryWorkbook book = new SummaryWorkbook();
        try {
            book.units(content);
            book.projects(content);
            book.notes(content);
            book.workbook.write(out);
        } finally {
            book.workbook.close();
            book.workbook.dispose();
        }
    }

    private void units(Content content) {
        SXSSFSheet sheet = workbook.createSheet(UNITS);
        ColumnWidths widths = new ColumnWidths(UNIT_HEADERS.size());
        headerRow(sheet, UNIT_HEADERS, widths);
        int r = 1;
        for (SummaryStore.UnitRow u : content.units()) {
            Row row = sheet.createRow(r++);
            int c = 0;
            text(row, c++, u.unitCode(), widths);
            text(row, c++, u.unitName() == null ? u.unitCode() : u.unitName(), widths);
            text(row, c++, u.supervisor(), widths);
            text(row, c++, StageNames.name(u.stage()), widths);
            text(row, c++, u.overdue() ? "是" : "否", widths);
            date(
                    row,
                    c++,
                    u.submittedAt() == null ? null : LocalDate.ofInstant(u.submittedAt(), content.zone()),
                    widths);
            date(row, c++, u.publishedOn(), widths);
            number(row, c++, u.projects() == null ? null : BigDecimal.valueOf(u.projects()), count, widths);
            number(row, c++, u.initialBudget(), money, widths);
            number(row, c++, u.annualBudget(), money, widths);
            number(row, c++, u.executed(), money, widths);
            number(row, c++, rate(u.executed(), u.annualBudget()), percent, widths);
            number(row, c++, u.totalScore(), score, widths);
            text(row, c++, u.grade(), widths);
            Integer rank = content.ranks().get(u.unitCode());
            number(row, c++, rank == null ? null : BigDecimal.valueOf(rank), count, widths);
            number(
                    row,
                    c++,
                    u.errors() == null ? null : BigDecimal.valueOf(u.errors() + (long) u.warnings()),
                    count,
                    widths);
        }
        finish(sheet, UNIT_HEADERS.size(), r - 1, widths);
    }

    private void projects(Content content) {
        SXSSFSheet sheet = workbook.createSheet(PROJECTS);
        ColumnWidths widths = new ColumnWidths(PROJECT_HEADERS.size());
        headerRow(sheet, PROJECT_HEADERS, widths);
        int[] r = {1};
        content.projects().accept(p -> {
            Row row = sheet.createRow(r[0]++);
            int c = 0;
            text(row, c++, p.unitCode(), widths);
            text(row, c++, p.unitName() == null ? p.unitCode() : p.unitName(), widths);
            text(row, c++, p.name(), widths);
            for (BigDecimal amount : p.funds()) {
                number(row, c++, amount, money, widths);
            }
            number(
                    row,
                    c++,
                    p.executionRate() == null ? null : p.executionRate().movePointLeft(2),
                    percent,
                    widths);
            number(row, c++, p.fundsScore(), score, widths);
            number(row, c++, p.outputScore(), score, widths);
            number(row, c++, p.effectScore(), score, widths);
            number(row, c++, p.satisfactionScore(), score, widths);
            number(row, c++, p.totalScore(), score, widths);
            text(row, c++, p.grade(), widths);
        });
        finish(sheet, PROJECT_HEADERS.size(), r[0] - 1, widths);
    }

    private void notes(Content content) {
        SXSSFSheet sheet = workbook.createSheet(NOTES);
        ColumnWidths widths = new ColumnWidths(2);
        int r = 0;
        r = line(sheet, r, "项目", "内容", widths, true);
        r = line(sheet, r, "年度", content.fiscalYear() + "年度", widths, false);
        r = line(
                sheet,
                r,
                "生成时间",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                                .format(LocalDateTime.ofInstant(content.generatedAt(), content.zone()))
                        + "（" + content.zone() + "）",
                widths,
                false);
        for (GradeBands.Band band : content.bands()) {
            r = line(sheet, r, "等级划分", band.text(), widths, false);
        }
        for (String rule : content.rules()) {
            r = line(sheet, r, "评分规则", rule, widths, false);
        }
        sheet.createFreezePane(0, 1);
        sheet.setColumnWidth(0, widths.width(0));
        sheet.setColumnWidth(1, widths.width(1));
    }

    private int line(SXSSFSheet sheet, int r, String label, String value, ColumnWidths widths, boolean isHeader) {
        Row row = sheet.createRow(r);
        Cell a = row.createCell(0);
        a.setCellValue(label);
        Cell b = row.createCell(1);
        b.setCellValue(value);
        if (isHeader) {
            a.setCellStyle(header);
            b.setCellStyle(header);
        }
        widths.see(0, label);
        widths.see(1, value);
        return r + 1;
    }

    /** 执行率 of summed fund lines as a fraction (0.975 shows 97.50%), half-up at 0.01%; none without a budget. */
    static BigDecimal rate(BigDecimal executed, BigDecimal budget) {
        if (executed == null || budget == null || budget.signum() == 0) {
            return null;
        }
        return executed.divide(budget, 4, RoundingMode.HALF_UP);
    }

    private void headerRow(SXSSFSheet sheet, List<String> headers, ColumnWidths widths) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(header);
            widths.see(c, headers.get(c));
        }
    }

    private void finish(SXSSFSheet sheet, int columns, int lastRow, ColumnWidths widths) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 0), 0, columns - 1));
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, widths.width(c));
        }
    }

    private void text(Row row, int c, String value, ColumnWidths widths) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(text);
        widths.see(c, value);
    }

    /** A number cell holding the decimal's value (no text, no rounding beyond the double it is stored as). */
    private void number(Row row, int c, BigDecimal value, CellStyle style, ColumnWidths widths) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(c);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
        widths.see(
                c,
                style == percent
                        ? value.movePointRight(2).setScale(2, RoundingMode.HALF_UP) + "%"
                        : value.toPlainString());
    }

    private void date(Row row, int c, LocalDate value, ColumnWidths widths) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(date);
        widths.see(c, "2024-03-31");
    }
}
