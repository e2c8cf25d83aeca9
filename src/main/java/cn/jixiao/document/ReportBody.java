package cn.jixiao.document;

import java.util.ArrayList;
import java.util.List;
import org.docx4j.wml.P;
import org.docx4j.wml.PPrBase;

/**
 * The body of the .docx: the report's {@link Block}s ({@link ReportContent}) as WordprocessingML paragraphs and
 * tables in the GB/T 9704 styles of {@link DocStyles}.
 */
final class ReportBody {

    private final List<Object> content = new ArrayList<>();

    private ReportBody() {}

    /** The body's block content (paragraphs and tables), without the section properties. */
    static List<Object> build(List<Block> blocks) {
        ReportBody body = new ReportBody();
        blocks.forEach(body::write);
        return body.content;
    }

    private void write(Block block) {
        if (block instanceof Block.Title title) {
            add(DocStyles.TITLE, title.text());
        } else if (block instanceof Block.UnitName unit) {
            add(DocStyles.UNIT_NAME, unit.text());
        } else if (block instanceof Block.Heading heading) {
            add(
                    heading.level() == 1
                            ? DocStyles.HEADING1
                            : heading.level() == 2 ? DocStyles.HEADING2 : DocStyles.HEADING3,
                    heading.text());
        } else if (block instanceof Block.Paragraph paragraph) {
            add(DocStyles.BODY, paragraph.text());
        } else if (block instanceof Block.AttachmentNote note) {
            attachmentNote(note.lines());
        } else if (block instanceof Block.Signature signature) {
            signature(signature);
        } else if (block instanceof Block.Attachment attachment) {
            attachment(attachment);
        }
    }

    /** 附件说明: later items align under the first item's text, with no space above. */
    private void attachmentNote(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            P p = Wml.paragraph(DocStyles.ATTACHMENT_NOTE, lines.get(i));
            if (i > 0) {
                PPrBase.Spacing spacing = new PPrBase.Spacing();
                spacing.setBefore(Wml.big(0));
                p.getPPr().setSpacing(spacing);
                PPrBase.Ind ind = new PPrBase.Ind();
                ind.setLeft(Wml.big(Layout.INDENT_TWO_CHARS + 3L * Layout.SIZE_BODY * 10));
                ind.setHanging(Wml.big(0));
                p.getPPr().setInd(ind);
            }
            content.add(p);
        }
    }

    /** 发文机关署名 and 成文日期 (GB/T 9704 7.3.5), one blank line under the text, right-aligned. */
    private void signature(Block.Signature signature) {
        content.add(Wml.paragraph(DocStyles.SIGNATURE, null));
        content.add(Wml.paragraph(DocStyles.SIGNATURE, signature.unit()));
        content.add(Wml.paragraph(DocStyles.SIGNATURE, signature.date()));
    }

    private void attachment(Block.Attachment attachment) {
        P label = Wml.paragraph(DocStyles.ATTACHMENT_LABEL, attachment.label());
        label.getPPr().setPageBreakBefore(Wml.on());
        content.add(label);
        add(DocStyles.TABLE_TITLE, attachment.title());
        content.add(WmlTable.build(attachment.table()));
    }

    private void add(String style, String text) {
        content.add(Wml.paragraph(style, text));
    }
}
