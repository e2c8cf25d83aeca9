package cn.jixiao.document;

import static cn.jixiao.document.Layout.FONT_BODY;
import static cn.jixiao.document.Layout.FONT_HEADING1;
import static cn.jixiao.document.Layout.FONT_HEADING2;
import static cn.jixiao.document.Layout.FONT_PAGE_NUMBER;
import static cn.jixiao.document.Layout.FONT_TITLE;

/**
 * The named paragraph styles of the document (styles.xml). Every style sets the East Asian and the Latin font slots
 * to the same GB/T 9704 font, so digits and Chinese quotation marks come out in that font too; the document defaults
 * carry 仿宋_GB2312 3号 and the zh-CN East Asian language.
 */
final class DocStyles {

    static final String TITLE = "Title";
    static final String UNIT_NAME = "UnitName";
    static final String HEADING1 = "Heading1";
    static final String HEADING2 = "Heading2";
    static final String HEADING3 = "Heading3";
    static final String BODY = "BodyText";
    static final String SIGNATURE = "Signature";
    static final String ATTACHMENT_NOTE = "AttachmentNote";
    static final String ATTACHMENT_LABEL = "AttachmentLabel";
    static final String TABLE_TITLE = "TableTitle";
    static final String TABLE_TEXT = "TableText";
    static final String TABLE_TEXT_LEFT = "TableTextLeft";
    static final String TABLE_HEAD = "TableHead";
    static final String HEADER = "Header";
    static final String FOOTER = "Footer";

    static final String XML = """
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:docDefaults>
                <w:rPrDefault><w:rPr>
                  <w:rFonts w:ascii="{BODY}" w:hAnsi="{BODY}" w:eastAsia="{BODY}" w:cs="Times New Roman"/>
                  <w:kern w:val="2"/><w:sz w:val="{SIZE_BODY}"/><w:szCs w:val="{SIZE_BODY}"/>
                  <w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>
                </w:rPr></w:rPrDefault>
                <w:pPrDefault><w:pPr>
                  <w:widowControl w:val="0"/>
                  <w:spacing w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"/>
                  <w:jc w:val="both"/>
                </w:pPr></w:pPrDefault>
              </w:docDefaults>
              <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
                <w:name w:val="Normal"/><w:qFormat/>
                <w:rPr><w:rFonts w:ascii="{BODY}" w:hAnsi="{BODY}" w:eastAsia="{BODY}"/>
                  <w:spacing w:val="{CHAR_SPACING}"/><w:sz w:val="{SIZE_BODY}"/><w:szCs w:val="{SIZE_BODY}"/></w:rPr>
              </w:style>
              <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
                <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>
              </w:style>
              <w:style w:type="table" w:default="1" w:styleId="TableNormal">
                <w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
                <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>
                  <w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>
                </w:tblCellMar></w:tblPr>
              </w:style>
              <w:style w:type="numbering" w:default="1" w:styleId="NoList">
                <w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Title">
                <w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="UnitName"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{TITLE}" w:hAnsi="{TITLE}" w:eastAsia="{TITLE}"/><w:spacing w:val="0"/>
                  <w:sz w:val="{SIZE_TITLE}"/><w:szCs w:val="{SIZE_TITLE}"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:customStyle="1" w:styleId="UnitName">
                <w:name w:val="单位名称"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>
                <w:pPr><w:spacing w:after="{LINE}"/><w:jc w:val="center"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{HEADING2}" w:hAnsi="{HEADING2}" w:eastAsia="{HEADING2}"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Heading1">
                <w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="{INDENT}"/><w:outlineLvl w:val="0"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{HEADING1}" w:hAnsi="{HEADING1}" w:eastAsia="{HEADING1}"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Heading2">
                <w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="{INDENT}"/><w:outlineLvl w:val="1"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{HEADING2}" w:hAnsi="{HEADING2}" w:eastAsia="{HEADING2}"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Heading3">
                <w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="{INDENT}"/><w:outlineLvl w:val="2"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{BODY}" w:hAnsi="{BODY}" w:eastAsia="{BODY}"/><w:b/><w:bCs/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="BodyText">
                <w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:ind w:firstLineChars="200" w:firstLine="{INDENT}"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{BODY}" w:hAnsi="{BODY}" w:eastAsia="{BODY}"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Signature">
                <w:name w:val="Signature"/><w:basedOn w:val="Normal"/>
                <w:pPr><w:ind w:rightChars="400" w:right="{INDENT2}"/><w:jc w:val="right"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{BODY}" w:hAnsi="{BODY}" w:eastAsia="{BODY}"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:customStyle="1" w:styleId="AttachmentNote">
                <w:name w:val="附件说明"/><w:basedOn w:val="Normal"/>
                <w:pPr><w:spacing w:before="{LINE}"/><w:ind w:left="{NOTE_LEFT}" w:hanging="{NOTE_HANGING}"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{BODY}" w:hAnsi="{BODY}" w:eastAsia="{BODY}"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:customStyle="1" w:styleId="AttachmentLabel">
                <w:name w:val="附件标识"/><w:basedOn w:val="Normal"/><w:next w:val="TableTitle"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:jc w:val="left"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{HEADING1}" w:hAnsi="{HEADING1}" w:eastAsia="{HEADING1}"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableTitle">
                <w:name w:val="表格标题"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:spacing w:after="{HALF_LINE}"/><w:jc w:val="center"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{TITLE}" w:hAnsi="{TITLE}" w:eastAsia="{TITLE}"/><w:spacing w:val="0"/>
                  <w:sz w:val="{SIZE_TABLE_TITLE}"/><w:szCs w:val="{SIZE_TABLE_TITLE}"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText">
                <w:name w:val="表格文字"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="300" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{BODY}" w:hAnsi="{BODY}" w:eastAsia="{BODY}"/><w:spacing w:val="0"/><w:kern w:val="0"/>
                  <w:sz w:val="{SIZE_TABLE}"/><w:szCs w:val="{SIZE_TABLE}"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableTextLeft">
                <w:name w:val="表格文字（左对齐）"/><w:basedOn w:val="TableText"/>
                <w:pPr><w:jc w:val="both"/></w:pPr>
              </w:style>
              <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableHead">
                <w:name w:val="表格表头"/><w:basedOn w:val="TableText"/>
                <w:rPr><w:rFonts w:ascii="{HEADING1}" w:hAnsi="{HEADING1}" w:eastAsia="{HEADING1}"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Header">
                <w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
                <w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{PAGE}" w:hAnsi="{PAGE}" w:eastAsia="{PAGE}"/><w:spacing w:val="0"/>
                  <w:sz w:val="{SIZE_HEADER}"/><w:szCs w:val="{SIZE_HEADER}"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Footer">
                <w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
                <w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="{PAGE}" w:hAnsi="{PAGE}" w:eastAsia="{PAGE}"/><w:spacing w:val="0"/>
                  <w:sz w:val="{SIZE_PAGE}"/><w:szCs w:val="{SIZE_PAGE}"/></w:rPr>
              </w:style>
            </w:styles>
            """.replace("{BODY}", FONT_BODY)
            .replace("{TITLE}", FONT_TITLE)
            .replace("{HEADING1}", FONT_HEADING1)
            .replace("{HEADING2}", FONT_HEADING2)
            .replace("{PAGE}", FONT_PAGE_NUMBER)
            .replace("{SIZE_BODY}", Integer.toString(Layout.SIZE_BODY))
            .replace("{SIZE_TITLE}", Integer.toString(Layout.SIZE_TITLE))
            .replace("{SIZE_TABLE_TITLE}", Integer.toString(Layout.SIZE_TABLE_TITLE))
            .replace("{SIZE_TABLE}", Integer.toString(Layout.SIZE_TABLE))
            .replace("{SIZE_HEADER}", Integer.toString(Layout.SIZE_HEADER))
            .replace("{SIZE_PAGE}", Integer.toString(Layout.SIZE_PAGE_NUMBER))
            .replace("{CHAR_SPACING}", Integer.toString(Layout.CHAR_SPACING))
            .replace("{LINE}", Integer.toString(Layout.LINE_PITCH))
            .replace("{HALF_LINE}", Integer.toString(Layout.LINE_PITCH / 2))
            .replace("{INDENT}", Integer.toString(Layout.INDENT_TWO_CHARS))
            .replace("{INDENT2}", Integer.toString(2 * Layout.INDENT_TWO_CHARS))
            // 附件说明: "附件：" starts two characters in, later lines align after the three characters of "附件：".
            .replace("{NOTE_LEFT}", Integer.toString(Layout.INDENT_TWO_CHARS + 3 * Layout.SIZE_BODY * 10))
            .replace("{NOTE_HANGING}", Integer.toString(3 * Layout.SIZE_BODY * 10));

    private DocStyles() {}
}
