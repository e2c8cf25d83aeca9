package cn.jixiao.document;

import cn.jixiao.document.TableGrid.Cell;
import cn.jixiao.document.TableGrid.Merge;
import java.util.List;
import org.docx4j.wml.CTBorder;
import org.docx4j.wml.CTTblCellMar;
import org.docx4j.wml.CTTblLayoutType;
import org.docx4j.wml.CTVerticalJc;
import org.docx4j.wml.Jc;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.STBorder;
import org.docx4j.wml.STTblLayoutType;
import org.docx4j.wml.STVerticalJc;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.TblBorders;
import org.docx4j.wml.TblGrid;
import org.docx4j.wml.TblGridCol;
import org.docx4j.wml.TblPr;
import org.docx4j.wml.TblWidth;
import org.docx4j.wml.Tc;
import org.docx4j.wml.TcPr;
import org.docx4j.wml.TcPrInner;
import org.docx4j.wml.Tr;
import org.docx4j.wml.TrPr;

/**
 * A {@link TableGrid} as a WordprocessingML table: fixed layout over the 版心 width, single black borders, cells
 * centred vertically, gridSpan for columns and vMerge restart/continue for rows, rows that never split across pages.
 */
final class WmlTable {

    private WmlTable() {}

    static Tbl build(TableGrid grid) {
        Tbl table = new Tbl();
        table.setTblPr(tableProperties());
        TblGrid tblGrid = new TblGrid();
        for (int width : grid.columnWidths()) {
            TblGridCol col = new TblGridCol();
            col.setW(Wml.big(width));
            tblGrid.getGridCol().add(col);
        }
        table.setTblGrid(tblGrid);
        for (List<Cell> row : grid.rows()) {
            table.getContent().add(row(grid.columnWidths(), row));
        }
        return table;
    }

    private static Tr row(List<Integer> widths, List<Cell> cells) {
        Tr tr = new Tr();
        TrPr trPr = new TrPr();
        trPr.getCnfStyleOrDivIdOrGridBefore().add(Wml.FACTORY.createCTTrPrBaseCantSplit(Wml.on()));
        tr.setTrPr(trPr);
        int column = 0;
        for (Cell cell : cells) {
            int width = 0;
            for (int i = column; i < column + cell.span(); i++) {
                width += widths.get(i);
            }
            tr.getContent().add(cell(cell, width));
            column += cell.span();
        }
        return tr;
    }

    private static Tc cell(Cell cell, int width) {
        Tc tc = new Tc();
        TcPr tcPr = new TcPr();
        tcPr.setTcW(dxa(width));
        if (cell.span() > 1) {
            TcPrInner.GridSpan gridSpan = new TcPrInner.GridSpan();
            gridSpan.setVal(Wml.big(cell.span()));
            tcPr.setGridSpan(gridSpan);
        }
        if (cell.merge() != Merge.NONE) {
            TcPrInner.VMerge vMerge = new TcPrInner.VMerge();
            if (cell.merge() == Merge.RESTART) {
                vMerge.setVal("restart");
            }
            tcPr.setVMerge(vMerge);
        }
        CTVerticalJc vAlign = new CTVerticalJc();
        vAlign.setVal(STVerticalJc.CENTER);
        tcPr.setVAlign(vAlign);
        tc.setTcPr(tcPr);
        String style = switch (cell.kind()) {
            case HEAD -> DocStyles.TABLE_HEAD;
            case TEXT -> DocStyles.TABLE_TEXT;
            case LEFT -> DocStyles.TABLE_TEXT_LEFT;
        };
        List<String> lines = cell.merge() == Merge.CONTINUE ? List.of() : ReportText.lines(cell.text());
        if (lines.isEmpty()) {
            tc.getContent().add(Wml.paragraph(style, null)); // every cell holds a paragraph
        }
        for (String line : lines) {
            tc.getContent().add(Wml.paragraph(style, line));
        }
        return tc;
    }

    private static TblPr tableProperties() {
        TblPr tblPr = new TblPr();
        TblWidth width = new TblWidth();
        width.setType(TblWidth.TYPE_DXA);
        width.setW(Wml.big(Layout.TEXT_WIDTH));
        tblPr.setTblW(width);
        Jc jc = new Jc();
        jc.setVal(JcEnumeration.CENTER);
        tblPr.setJc(jc);
        TblBorders borders = new TblBorders();
        borders.setTop(border());
        borders.setLeft(border());
        borders.setBottom(border());
        borders.setRight(border());
        borders.setInsideH(border());
        borders.setInsideV(border());
        tblPr.setTblBorders(borders);
        CTTblLayoutType layout = new CTTblLayoutType();
        layout.setType(STTblLayoutType.FIXED);
        tblPr.setTblLayout(layout);
        CTTblCellMar margins = new CTTblCellMar();
        margins.setLeft(dxa(57));
        margins.setRight(dxa(57));
        margins.setTop(dxa(28));
        margins.setBottom(dxa(28));
        tblPr.setTblCellMar(margins);
        return tblPr;
    }

    private static CTBorder border() {
        CTBorder border = new CTBorder();
        border.setVal(STBorder.SINGLE);
        border.setSz(Wml.big(4));
        border.setSpace(Wml.big(0));
        border.setColor("000000");
        return border;
    }

    private static TblWidth dxa(int twips) {
        TblWidth width = new TblWidth();
        width.setType(TblWidth.TYPE_DXA);
        width.setW(Wml.big(twips));
        return width;
    }
}
