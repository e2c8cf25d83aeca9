package cn.jixiao.document;

import java.util.List;

/**
 * One piece of the report in reading order, independent of the output format. {@link ReportContent} lists them; the
 * .docx ({@link ReportBody}) and the HTML reading view ({@code cn.jixiao.reading}) render the same list, so the two
 * cannot say different things.
 */
public sealed interface Block {

    /** 标题: "{年度}年度部门整体支出绩效自评报告". */
    record Title(String text) implements Block {}

    /** The unit's name under the title. */
    record UnitName(String text) implements Block {}

    /** 一、 (level 1), (一) (level 2) or 1. (level 3). */
    record Heading(int level, String text) implements Block {}

    /** One paragraph of body text. */
    record Paragraph(String text) implements Block {}

    /** 附件说明: the first line starts with "附件：", further lines are aligned under its first item. */
    record AttachmentNote(List<String> lines) implements Block {

        public AttachmentNote {
            lines = List.copyOf(lines);
        }
    }

    /** 落款: 发文机关署名 and 成文日期 ("2023年3月15日"), right-aligned under the text. */
    record Signature(String unit, String date) implements Block {}

    /** One 附件 on a page of its own: its label ("附件1"), its title and the project's 自评表. */
    record Attachment(String label, String title, TableGrid table) implements Block {}
}
