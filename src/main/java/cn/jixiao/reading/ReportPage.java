package cn.jixiao.reading;

import cn.jixiao.document.Block;
import cn.jixiao.document.TableGrid;
import cn.jixiao.document.TableGrid.Cell;
import cn.jixiao.document.TableGrid.Merge;
import java.util.List;
import java.util.Objects;

/**
 * A published report as a web page to read online: the same blocks as the .docx ({@link
 * cn.jixiao.document.ReportContent}) — title, headings, paragraphs, 附件说明, 落款, and each 自评表 as an HTML table
 * with the same merged cells — in Chinese, readable on a 390 px phone (text wraps; each table scrolls sideways in its
 * own box, the page itself never does). All text is escaped. Pure: a string from blocks and links, no I/O.
 */
public final class ReportPage {

    /**
     * Where the page links to.
     *
     * @param list           the public list (返回)
     * @param docx           the .docx download
     * @param pdf            the PDF download, or null when no PDF can be made here
     * @param pdfUnavailable what the page says instead of the PDF link when {@code pdf} is null
     */
    public record Links(String list, String docx, String pdf, String pdfUnavailable) {}

    static final String STYLE = """
            body { margin: 0 auto; max-width: 46em; padding: .8em 1em 3em; color: #1f1f1f; background: #fff;
              font-family: "FangSong", "仿宋", "Noto Serif CJK SC", "Noto Sans CJK SC", "Microsoft YaHei", serif;
              font-size: 17px; line-height: 1.8; overflow-wrap: anywhere; word-break: break-word; }
            nav { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 15px; line-height: 2.2;
              border-bottom: 1px solid #ddd; margin-bottom: 1em; }
            nav a { margin-right: 1em; white-space: nowrap; } nav .note { color: #8a6d3b; }
            h1 { font-size: 1.45em; text-align: center; margin: .8em 0 .2em; line-height: 1.4; }
            .unit { text-align: center; margin: 0 0 1.2em; }
            h2 { font-size: 1.12em; font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; margin: 1.2em 0 .3em; }
            h3 { font-size: 1.05em; font-family: "KaiTi", "楷体", serif; margin: 1em 0 .2em; }
            h4 { font-size: 1em; margin: .8em 0 .2em; }
            h2, h3, h4 { text-indent: 2em; }
            p { margin: .2em 0; text-indent: 2em; }
            .attachment-note { margin-top: 1.2em; } .attachment-note p { text-indent: 0; padding-left: 5em; }
            .attachment-note p:first-child { padding-left: 2em; }
            .signature { margin: 2em 0 1em; text-align: right; } .signature p { text-indent: 0; padding-right: 2em; }
            .attachment { margin-top: 2.5em; border-top: 1px dashed #bbb; padding-top: 1em; }
            .attachment .label { text-indent: 0; font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; }
            .attachment h2 { text-align: center; text-indent: 0; }
            .table-box { overflow-x: auto; max-width: 100%; -webkit-overflow-scrolling: touch; margin: .6em 0; }
            .table-box:focus { outline: 2px solid #4a90d9; }
            table { border-collapse: collapse; min-width: 42em; width: 100%; font-size: 14px; line-height: 1.5;
              font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
            th, td { border: 1px solid #333; padding: .3em .35em; vertical-align: middle; text-align: center; }
            th { background: #f3f5f7; font-weight: bold; } td.left { text-align: left; }
            .scroll-hint { display: none; font-size: 13px; color: #666; text-indent: 0; }
            @media (max-width: 600px) { body { font-size: 16px; padding: .5em .8em 2em; } .scroll-hint { display: block; } }
            """;

    private final StringBuilder out = new StringBuilder(32 * 1024);
    private int tables;

    private ReportPage() {}

    /** The whole page, {@code <!DOCTYPE html>} to {@code </html>}. */
    public static String render(List<Block> blocks, Links links) {
        Objects.requireNonNull(blocks, "blocks");
        Objects.requireNonNull(links, "links");
        ReportPage page = new ReportPage();
        page.write(blocks, links);
        return page.out.toString();
    }

    private void write(List<Block> blocks, Links links) {
        String title = blocks.stream()
                .filter(Block.Title.class::isInstance)
                .map(b -> ((Block.Title) b).text())
                .findFirst()
                .orElse("部门整体支出绩效自评报告");
        String unit = blocks.stream()
                .filter(Block.UnitName.class::isInstance)
                .map(b -> ((Block.UnitName) b).text())
                .findFirst()
                .orElse("");
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(Html.escape(unit))
                .append(' ')
                .append(Html.escape(title))
                .append("</title>\n")
                .append("<style>\n")
                .append(STYLE)
                .append("</style></head><body>\n");
        nav(links);
        out.append("<article>\n");
        for (Block block : blocks) {
            block(block);
        }
        out.append("</article>\n</body></html>\n");
    }

    private void nav(Links links) {
        out.append("<nav><a href=\"")
                .append(Html.escape(links.list()))
                .append("\">返回公开列表</a>")
                .append("<a href=\"")
                .append(Html.escape(links.docx()))
                .append("\" download>下载 Word 版</a>");
        if (links.pdf() != null) {
            out.append("<a href=\"").append(Html.escape(links.pdf())).append("\" download>下载 PDF 版</a>");
        } else if (links.pdfUnavailable() != null) {
            out.append("<span class=\"note\">")
                    .append(Html.escape(links.pdfUnavailable()))
                    .append("</span>");
        }
        out.append("</nav>\n");
    }

    private void block(Block block) {
        if (block instanceof Block.Title b) {
            element("h1", null, b.text());
        } else if (block instanceof Block.UnitName b) {
            element("p", "unit", b.text());
        } else if (block instanceof Block.Heading b) {
            element("h" + (Math.min(Math.max(b.level(), 1), 3) + 1), null, b.text());
        } else if (block instanceof Block.Paragraph b) {
            element("p", null, b.text());
        } else if (block instanceof Block.AttachmentNote b) {
            out.append("<div class=\"attachment-note\">");
            b.lines().forEach(line -> element("p", null, line));
            out.append("</div>\n");
        } else if (block instanceof Block.Signature b) {
            out.append("<div class=\"signature\">");
            element("p", "signer", b.unit());
            element("p", "date", b.date());
            out.append("</div>\n");
        } else if (block instanceof Block.Attachment b) {
            out.append("<section class=\"attachment\">\n");
            element("p", "label", b.label());
            element("h2", null, b.title());
            table(b.table(), b.label() + " " + b.title());
            out.append("</section>\n");
        }
    }

    private void element(String tag, String cssClass, String text) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        out.append('>').append(Html.escape(text)).append("</").append(tag).append(">\n");
    }

    /** The 自评表 in a box of its own that scrolls sideways (focusable, so a keyboard can scroll it too). */
    private void table(TableGrid grid, String caption) {
        tables++;
        out.append("<p class=\"scroll-hint\">表格较宽，可左右滑动查看。</p>\n")
                .append("<div class=\"table-box\" role=\"region\" tabindex=\"0\" aria-label=\"")
                .append(Html.escape(caption))
                .append("\"><table id=\"table-")
                .append(tables)
                .append("\">\n<colgroup>");
        int total = grid.columnWidths().stream().mapToInt(Integer::intValue).sum();
        for (int width : grid.columnWidths()) {
            out.append("<col style=\"width:")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", 100.0 * width / total))
                    .append("%\">");
        }
        out.append("</colgroup>\n");
        for (int r = 0; r < grid.rows().size(); r++) {
            out.append("<tr>");
            List<Cell> cells = grid.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                Cell cell = cells.get(c);
                if (cell.merge() == Merge.CONTINUE) {
                    continue; // covered by the rowspan of the cell above
                }
                String tag = cell.kind() == TableGrid.Kind.HEAD ? "th" : "td";
                out.append('<').append(tag);
                if (cell.kind() == TableGrid.Kind.LEFT) {
                    out.append(" class=\"left\"");
                }
                if (cell.span() > 1) {
                    out.append(" colspan=\"").append(cell.span()).append('"');
                }
                int rowSpan = grid.rowSpan(r, c);
                if (rowSpan > 1) {
                    out.append(" rowspan=\"").append(rowSpan).append('"');
                }
                out.append('>')
                        .append(Html.lines(cell.text()))
                        .append("</")
                        .append(tag)
                        .append('>');
            }
            out.append("</tr>\n");
        }
        out.append("</table></div>\n");
    }
}
