package cn.jixiao.document;

import java.util.List;

/**
 * A table on a grid of columns, format-neutral: each row lists its cells left to right, each cell spanning whole grid
 * columns; a cell merged with the one above is a {@link Merge#CONTINUE} cell at the same grid column (as
 * WordprocessingML writes it), from which {@link #rowSpan} gives the HTML {@code rowspan}.
 *
 * @param columnWidths the grid's column widths in twips (relative widths for HTML)
 * @param rows         the rows, each covering the whole grid
 */
public record TableGrid(List<Integer> columnWidths, List<List<Cell>> rows) {

    public TableGrid {
        columnWidths = List.copyOf(columnWidths);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** 表头 (bold, centred), 正文 (centred) or 正文左对齐 (longer text). */
    public enum Kind {
        HEAD,
        TEXT,
        LEFT
    }

    /** Not merged vertically; the first cell of a vertical merge; a cell merged into the one above. */
    public enum Merge {
        NONE,
        RESTART,
        CONTINUE
    }

    /**
     * One cell. The text of a {@link Merge#CONTINUE} cell is never shown.
     *
     * @param text  the text, lines separated by "\n"; may be null (empty cell)
     * @param span  how many grid columns it covers
     */
    public record Cell(String text, int span, Kind kind, Merge merge) {}

    /** The first grid column of the cell at {@code cell} in row {@code row}. */
    public int gridColumn(int row, int cell) {
        int column = 0;
        List<Cell> cells = rows.get(row);
        for (int i = 0; i < cell; i++) {
            column += cells.get(i).span();
        }
        return column;
    }

    /**
     * How many rows the cell covers: 1, or for a {@link Merge#RESTART} cell, 1 plus the number of directly following
     * rows that hold a {@link Merge#CONTINUE} cell at the same grid column.
     */
    public int rowSpan(int row, int cell) {
        if (rows.get(row).get(cell).merge() != Merge.RESTART) {
            return 1;
        }
        int column = gridColumn(row, cell);
        int span = 1;
        for (int next = row + 1; next < rows.size() && continuesAt(next, column); next++) {
            span++;
        }
        return span;
    }

    private boolean continuesAt(int row, int column) {
        int at = 0;
        for (Cell cell : rows.get(row)) {
            if (at == column) {
                return cell.merge() == Merge.CONTINUE;
            }
            at += cell.span();
        }
        return false;
    }
}
