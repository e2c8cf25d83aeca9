package cn.jixiao.document;

import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.docx4j.XmlUtils;
import org.docx4j.model.structure.HeaderFooterPolicy;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.wml.ContentAccessor;
import org.docx4j.wml.P;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Style;
import org.docx4j.wml.Styles;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;

/** A rendered document loaded back with docx4j, with readers for what the tests look at. */
final class Docx {

    final WordprocessingMLPackage pkg;
    final MainDocumentPart main;

    private Docx(WordprocessingMLPackage pkg) {
        this.pkg = pkg;
        this.main = pkg.getMainDocumentPart();
    }

    static Docx load(byte[] bytes) {
        try {
            return new Docx(WordprocessingMLPackage.load(new ByteArrayInputStream(bytes)));
        } catch (Docx4JException e) {
            throw new AssertionError("the bytes are no .docx docx4j can read", e);
        }
    }

    /** The top-level block content of the body, unwrapped. */
    List<Object> blocks() {
        return main.getContent().stream().map(XmlUtils::unwrap).toList();
    }

    /** The top-level paragraphs (outside tables). */
    List<P> paragraphs() {
        return blocks().stream().filter(P.class::isInstance).map(P.class::cast).toList();
    }

    List<String> paragraphTexts() {
        return paragraphs().stream().map(Docx::text).toList();
    }

    /** The texts of the top-level paragraphs whose style is one of the given. */
    List<String> textsOfStyles(String... styleIds) {
        List<String> wanted = List.of(styleIds);
        return paragraphs().stream()
                .filter(p -> wanted.contains(styleOf(p)))
                .map(Docx::text)
                .toList();
    }

    /** Every paragraph's text of the body (outside tables), one per line. */
    String bodyText() {
        return String.join("\n", paragraphTexts());
    }

    List<Tbl> tables() {
        return blocks().stream()
                .filter(Tbl.class::isInstance)
                .map(Tbl.class::cast)
                .toList();
    }

    Styles styles() {
        return main.getStyleDefinitionsPart().getJaxbElement();
    }

    Style style(String id) {
        return styles().getStyle().stream()
                .filter(s -> id.equals(s.getStyleId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no style " + id));
    }

    SectPr sectPr() {
        return main.getJaxbElement().getBody().getSectPr();
    }

    HeaderFooterPolicy headersAndFooters() {
        return pkg.getDocumentModel().getSections().get(0).getHeaderFooterPolicy();
    }

    static String styleOf(P p) {
        return p.getPPr() == null || p.getPPr().getPStyle() == null
                ? null
                : p.getPPr().getPStyle().getVal();
    }

    /** The text of w:t elements under the object (not w:instrText), paragraphs joined without separator. */
    static String text(Object object) {
        StringBuilder out = new StringBuilder();
        collect(object, out, false);
        return out.toString();
    }

    /** The field instructions (w:instrText) under the object. */
    static String instructions(Object object) {
        StringBuilder out = new StringBuilder();
        collect(object, out, true);
        return out.toString();
    }

    private static void collect(Object object, StringBuilder out, boolean instructions) {
        if (object instanceof JAXBElement<?> element) {
            boolean isInstr = "instrText".equals(element.getName().getLocalPart());
            Object value = element.getValue();
            if (value instanceof Text text) {
                if (isInstr == instructions) {
                    out.append(text.getValue());
                }
                return;
            }
            collect(value, out, instructions);
        } else if (object instanceof Text text) {
            if (!instructions) {
                out.append(text.getValue());
            }
        } else if (object instanceof ContentAccessor accessor) {
            for (Object child : accessor.getContent()) {
                collect(child, out, instructions);
            }
        }
    }

    static List<Tr> rows(Tbl table) {
        return table.getContent().stream()
                .map(XmlUtils::unwrap)
                .filter(Tr.class::isInstance)
                .map(Tr.class::cast)
                .toList();
    }

    static List<Tc> cells(Tr row) {
        return row.getContent().stream()
                .map(XmlUtils::unwrap)
                .filter(Tc.class::isInstance)
                .map(Tc.class::cast)
                .toList();
    }

    static int span(Tc cell) {
        return cell.getTcPr() == null || cell.getTcPr().getGridSpan() == null
                ? 1
                : cell.getTcPr().getGridSpan().getVal().intValue();
    }

    /** "restart", "continue", or null for a cell that is not merged vertically. */
    static String vMerge(Tc cell) {
        if (cell.getTcPr() == null || cell.getTcPr().getVMerge() == null) {
            return null;
        }
        String val = cell.getTcPr().getVMerge().getVal();
        return val == null ? "continue" : val;
    }

    /** The texts of a row's cells. */
    static List<String> cellTexts(Tr row) {
        return cells(row).stream().map(Docx::text).collect(Collectors.toList());
    }

    /** The cell of the row that starts at grid column {@code column}, or null. */
    static Tc cellAt(Tr row, int column) {
        int position = 0;
        for (Tc cell : cells(row)) {
            if (position == column) {
                return cell;
            }
            position += span(cell);
        }
        return null;
    }

    /** A vertically merged region: the restart cell's text and how many rows it covers. */
    record Run(String text, int rows, int firstRow) {}

    /** The vertically merged regions in grid column {@code column} of the table, top to bottom. */
    static List<Run> verticalRuns(Tbl table, int column) {
        List<Run> runs = new ArrayList<>();
        List<Tr> rows = rows(table);
        Run open = null;
        for (int r = 0; r < rows.size(); r++) {
            Tc cell = cellAt(rows.get(r), column);
            String merge = cell == null ? null : vMerge(cell);
            if ("restart".equals(merge)) {
                if (open != null) {
                    runs.add(open);
                }
                open = new Run(text(cell), 1, r);
            } else if ("continue".equals(merge)) {
                if (open == null) {
                    throw new AssertionError("vMerge continue without restart in row " + r + ", column " + column);
                }
                open = new Run(open.text(), open.rows() + 1, open.firstRow());
            } else if (open != null) {
                runs.add(open);
                open = null;
            }
        }
        if (open != null) {
            runs.add(open);
        }
        return runs;
    }

    /** The first row whose cells' joined text starts with the given label. */
    static Tr rowStartingWith(Tbl table, String label) {
        return rows(table).stream()
                .filter(row -> String.join("", cellTexts(row)).startsWith(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row starting with " + label));
    }
}
