package cn.jixiao.document;

import java.util.List;

/**
 * The fixed XML of the parts other than the body: font table, settings, header and footers, core properties.
 * Built once as text; each render unmarshals its own copy, so no JAXB object is shared between threads.
 */
final class StaticParts {

    /** One font of the font table: its GB/T name, the installed font to fall back to, and its classification. */
    record FontEntry(String name, String altName, String panose, String charset, String family, String pitch) {}

    /**
     * GB/T 9704 names the 方正 and GB2312 fonts that Windows does not ship; w:altName points Word (and converters
     * that read it) at the font every Chinese Windows and macOS has. charset 86 = GB2312.
     */
    static final List<FontEntry> FONTS = List.of(
            new FontEntry(Layout.FONT_BODY, "仿宋", "02010609030101010101", "86", "modern", "fixed"),
            new FontEntry(Layout.FONT_TITLE, "宋体", "02010600030101010101", "86", "auto", "variable"),
            new FontEntry(Layout.FONT_HEADING2, "楷体", "02010609030101010101", "86", "modern", "fixed"),
            new FontEntry(Layout.FONT_HEADING1, "SimHei", "02010609060101010101", "86", "modern", "fixed"),
            new FontEntry(Layout.FONT_PAGE_NUMBER, "SimSun", "02010600030101010101", "86", "auto", "variable"),
            new FontEntry("仿宋", "FangSong", "02010609060101010101", "86", "modern", "fixed"),
            new FontEntry("楷体", "KaiTi", "02010609060101010101", "86", "modern", "fixed"),
            new FontEntry("Times New Roman", null, "02020603050405020304", "00", "roman", "variable"));

    static final String FONT_TABLE_XML = fontTable();

    static final String SETTINGS_XML = """
            <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:zoom w:percent="100"/>
              <w:defaultTabStop w:val="420"/>
              <w:evenAndOddHeaders/>
              <w:characterSpacingControl w:val="compressPunctuation"/>
              <w:compat>
                <w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
              </w:compat>
              <w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>
              <w:decimalSymbol w:val="."/>
              <w:listSeparator w:val=","/>
            </w:settings>
            """;

    /** 单页码居右空一字 (odd pages, the default footer). */
    static final String FOOTER_ODD_XML = footer("right", "w:right");
    /** 双页码居左空一字 (even pages). */
    static final String FOOTER_EVEN_XML = footer("left", "w:left");

    static final String DRAFT_HEADER_XML = """
            <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>
                <w:r><w:rPr><w:b/><w:color w:val="C00000"/></w:rPr><w:t>%s</w:t></w:r></w:p>
            </w:hdr>
            """.formatted(xml(DocumentOptions.DRAFT_HEADER));

    private StaticParts() {}

    /** docProps/core.xml: title, the unit as creator, zh-CN, and 草稿 as status of a draft. */
    static String coreProperties(String title, String creator, boolean draft) {
        return "<cp:coreProperties"
                + " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title>" + xml(title) + "</dc:title>"
                + "<dc:creator>" + xml(creator) + "</dc:creator>"
                + "<dc:language>zh-CN</dc:language>"
                + (draft ? "<cp:contentStatus>草稿</cp:contentStatus>" : "")
                + "</cp:coreProperties>";
    }

    /** "— 1 —": an em dash on each side of a PAGE field, 4号宋体. */
    private static String footer(String alignment, String insetAttribute) {
        return """
                <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                  <w:p>
                    <w:pPr><w:pStyle w:val="Footer"/><w:ind %s="%d"/><w:jc w:val="%s"/></w:pPr>
                    <w:r><w:t xml:space="preserve">— </w:t></w:r>
                    <w:r><w:fldChar w:fldCharType="begin"/></w:r>
                    <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
                    <w:r><w:fldChar w:fldCharType="separate"/></w:r>
                    <w:r><w:t>1</w:t></w:r>
                    <w:r><w:fldChar w:fldCharType="end"/></w:r>
                    <w:r><w:t xml:space="preserve"> —</w:t></w:r>
                  </w:p>
                </w:ftr>
                """.formatted(insetAttribute, Layout.PAGE_NUMBER_INSET, alignment);
    }

    private static String fontTable() {
        StringBuilder xml =
                new StringBuilder("<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        for (FontEntry font : FONTS) {
            xml.append("<w:font w:name=\"").append(xml(font.name())).append("\">");
            if (font.altName() != null) {
                xml.append("<w:altName w:val=\"").append(xml(font.altName())).append("\"/>");
            }
            xml.append("<w:panose1 w:val=\"")
                    .append(font.panose())
                    .append("\"/>")
                    .append("<w:charset w:val=\"")
                    .append(font.charset())
                    .append("\"/>")
                    .append("<w:family w:val=\"")
                    .append(font.family())
                    .append("\"/>")
                    .append("<w:pitch w:val=\"")
                    .append(font.pitch())
                    .append("\"/>")
                    .append("</w:font>");
        }
        return xml.append("</w:fonts>").toString();
    }

    /** Escapes text for an XML attribute or element, dropping characters XML 1.0 cannot carry. */
    static String xml(String text) {
        String clean = Wml.clean(text);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
