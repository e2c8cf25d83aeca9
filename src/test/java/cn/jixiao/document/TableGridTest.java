package cn.jixiao.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.document.TableGrid.Cell;
import cn.jixiao.document.TableGrid.Kind;
import cn.jixiao.document.TableGrid.Merge;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The format-neutral 自评表: rows cover the grid, and vertical merges read back as HTML row spans. */
class TableGridTest {

    @Test
    void rowSpanCountsTheContinuationsBelowAtTheSameGridColumn() {
        TableGrid grid = new TableGrid(
                List.of(1, 1, 1),
                List.of(
                        List.of(cell("A", 1, Merge.RESTART), cell("B", 2, Merge.NONE)),
                        List.of(cell(null, 1, Merge.CONTINUE), cell("C", 1, Merge.RESTART), cell("D", 1, Merge.NONE)),
                        List.of(cell(null, 1, Merge.CONTINUE), cell(null, 1, Merge.CONTINUE), cell("E", 1, Merge.NONE)),
                        List.of(cell("F", 1, Merge.NONE), cell(null, 1, Merge.CONTINUE), cell("G", 1, Merge.NONE))));
        assertThat(grid.rowSpan(0, 0)).isEqualTo(3);
        assertThat(grid.rowSpan(0, 1)).isEqualTo(1);
        assertThat(grid.rowSpan(1, 1)).as("C continues in rows 2 and 3").isEqualTo(3);
        assertThat(grid.gridColumn(1, 2)).isEqualTo(2);
    }

    @Test
    void everyRowOfTheSampleTableCoversTheTenColumnGrid() {
        var report = Fixtures.corrected();
        TableGrid grid = ProjectTable.grid(
                report,
                report.get("projects").get(0),
                Fixtures.evaluate(report).get("projects").get(0));
        assertThat(grid.columnWidths()).hasSize(10);
        for (List<Cell> row : grid.rows()) {
            assertThat(row.stream().mapToInt(Cell::span).sum()).isEqualTo(10);
        }
        // 绩效指标 spans the header row and every indicator row below it.
        int header = 0;
        while (!"绩效指标".equals(grid.rows().get(header).get(0).text())) {
            header++;
        }
        assertThat(grid.rowSpan(header, 0))
                .isEqualTo(1 + report.get("projects").get(0).get("indicators").size());
    }

    private static Cell cell(String text, int span, Merge merge) {
        return new Cell(text, span, Kind.TEXT, merge);
    }
}
