package cn.jixiao.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.docx4j.model.structure.HeaderFooterPolicy;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.docx4j.wml.DocDefaults;
import org.docx4j.wml.Fonts;
import org.docx4j.wml.HdrFtrRef;
import org.docx4j.wml.HeaderReference;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.RFonts;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STLineSpacingRule;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Style;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Page, fonts, sizes, spacing, page numbers and draft header per GB/T 9704-2012, read back with docx4j. */
class LayoutTest {

    private static Docx docx;

    @BeforeAll
    static void renderCorrectedSample() {
        ObjectNode report = Fixtures.corrected();
        docx = Docx.load(Fixtures.render(report, Fixtures.evaluate(report), DocumentOptions.finalCopy(Fixtures.DATE)));
    }

    @Test
    void pageIsA4WithGbtMargins() {
        SectPr sectPr = docx.sectPr();
        assertThat(sectPr.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
        assertThat(sectPr.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
        SectPr.PgMar margins = sectPr.getPgMar();
        // mm × 1440 / 25.4, rounded: 37 → 2098, 35 → 1984, 28 → 1587, 26 → 1474
        assertThat(margins.getTop()).isEqualTo(BigInteger.valueOf(2098));
        assertThat(margins.getBottom()).isEqualTo(BigInteger.valueOf(1984));
        assertThat(margins.getLeft()).isEqualTo(BigInteger.valueOf(1587));
        assertThat(margins.getRight()).isEqualTo(BigInteger.valueOf(1474));
        assertThat(sectPr.getDocGrid().getLinePitch()).isEqualTo(BigInteger.valueOf(579));
    }

    @Test
    void twentyTwoLinesOfTwentyEightCharactersFitTheTypeArea() {
        int height = 16838 - 2098 - 1984;
        int width = 11906 - 1587 - 1474;
        DocDefaults.PPrDefault pPrDefault = docx.styles().getDocDefaults().getPPrDefault();
        PPr.Spacing spacing = pPrDefault.getPPr().getSpacing();
        assertThat(spacing.getLineRule()).isEqualTo(STLineSpacingRule.EXACT);
        int line = spacing.getLine().intValue();
        assertThat(line).isEqualTo(579);
        assertThat(22 * line).isLessThanOrEqualTo(height);
        assertThat(23 * line).isGreaterThan(height);

        RPr normal = docx.style("Normal").getRPr();
        int pitch = normal.getSz().getVal().intValue() * 10
                + normal.getSpacing().getVal().intValue();
        assertThat(28 * pitch).isLessThanOrEqualTo(width);
        assertThat(29 * pitch).isGreaterThan(width);
    }

    @Test
    void documentDefaultsCarryTheEastAsianFontAndLanguage() {
        RPr defaults = docx.styles().getDocDefaults().getRPrDefault().getRPr();
        assertFonts(defaults.getRFonts(), "仿宋_GB2312");
        assertThat(defaults.getSz().getVal()).isEqualTo(BigInteger.valueOf(32));
        assertThat(defaults.getLang().getEastAsia()).isEqualTo("zh-CN");
    }

    @Test
    void namedStylesHaveTheGbtFontsAndSizes() {
        Style title = docx.style(DocStyles.TITLE);
        assertFonts(title.getRPr().getRFonts(), "方正小标宋简体");
        assertThat(title.getRPr().getSz().getVal()).isEqualTo(BigInteger.valueOf(44));
        assertThat(title.getPPr().getJc().getVal()).isEqualTo(JcEnumeration.CENTER);
        assertThat(docx.style(DocStyles.UNIT_NAME).getPPr().getJc().getVal()).isEqualTo(JcEnumeration.CENTER);

        assertFonts(docx.style(DocStyles.HEADING1).getRPr().getRFonts(), "黑体");
        assertThat(docx.style(DocStyles.HEADING1).getName().getVal()).isEqualTo("heading 1");
        assertFonts(docx.style(DocStyles.HEADING2).getRPr().getRFonts(), "楷体_GB2312");
        assertThat(docx.style(DocStyles.HEADING2).getName().getVal()).isEqualTo("heading 2");
        assertFonts(docx.style(DocStyles.BODY).getRPr().getRFonts(), "仿宋_GB2312");
        assertFonts(docx.style(DocStyles.ATTACHMENT_LABEL).getRPr().getRFonts(), "黑体");
        for (String indented : new String[] {DocStyles.BODY, DocStyles.HEADING1, DocStyles.HEADING2}) {
            PPr.Ind ind = docx.style(indented).getPPr().getInd();
            assertThat(ind.getFirstLineChars()).as(indented).isEqualTo(BigInteger.valueOf(200));
            assertThat(ind.getFirstLine()).as(indented).isEqualTo(BigInteger.valueOf(640));
        }

        Style table = docx.style(DocStyles.TABLE_TEXT);
        assertFonts(table.getRPr().getRFonts(), "仿宋_GB2312");
        assertThat(table.getRPr().getSz().getVal()).isEqualTo(BigInteger.valueOf(21));
        assertFonts(docx.style(DocStyles.FOOTER).getRPr().getRFonts(), "宋体");
        assertThat(docx.style(DocStyles.FOOTER).getRPr().getSz().getVal()).isEqualTo(BigInteger.valueOf(28));
    }

    @Test
    void paragraphsUseTheNamedStyles() {
        assertThat(docx.paragraphs())
                .allSatisfy(p -> assertThat(Docx.styleOf(p)).isNotNull());
        assertThat(docx.paragraphs().stream().map(Docx::styleOf).distinct())
                .contains(
                        DocStyles.TITLE,
                        DocStyles.UNIT_NAME,
                        DocStyles.HEADING1,
                        DocStyles.HEADING2,
                        DocStyles.HEADING3,
                        DocStyles.BODY,
                        DocStyles.ATTACHMENT_LABEL,
                        DocStyles.TABLE_TITLE);
    }

    @Test
    void fontTableFallsBackToInstalledChineseFonts() {
        Fonts fonts = docx.main.getFontTablePart().getJaxbElement();
        Map<String, Fonts.Font> byName =
                fonts.getFont().stream().collect(Collectors.toMap(Fonts.Font::getName, Function.identity()));
        assertThat(byName.get("仿宋_GB2312").getAltName().getVal()).isEqualTo("仿宋");
        assertThat(byName.get("方正小标宋简体").getAltName().getVal()).isEqualTo("宋体");
        assertThat(byName.get("楷体_GB2312").getAltName().getVal()).isEqualTo("楷体");
        assertThat(byName.get("仿宋_GB2312").getCharset().getVal()).isEqualTo("86");
        assertThat(byName.get("仿宋_GB2312").getPanose1().getVal()).hasSize(10); // ten bytes, twenty hex digits
        assertThat(byName).containsKeys("黑体", "宋体", "仿宋", "楷体");
    }

    @Test
    void pageNumbersAreDashedPageFieldsOddRightEvenLeft() {
        assertThat(docx.main.getDocumentSettingsPart().getJaxbElement().getEvenAndOddHeaders())
                .isNotNull();
        HeaderFooterPolicy policy = docx.headersAndFooters();
        FooterPart odd = policy.getDefaultFooter();
        FooterPart even = policy.getEvenFooter();
        assertThat(odd).isNotNull();
        assertThat(even).isNotNull();
        for (FooterPart footer : new FooterPart[] {odd, even}) {
            P p = (P) footer.getContent().get(0);
            assertThat(Docx.instructions(p).strip()).isEqualTo("PAGE");
            assertThat(Docx.text(p)).isEqualTo("— 1 —");
            assertThat(Docx.styleOf(p)).isEqualTo(DocStyles.FOOTER);
        }
        assertThat(((P) odd.getContent().get(0)).getPPr().getJc().getVal()).isEqualTo(JcEnumeration.RIGHT);
        assertThat(((P) even.getContent().get(0)).getPPr().getJc().getVal()).isEqualTo(JcEnumeration.LEFT);
    }

    @Test
    void finalCopyHasNoDraftHeader() {
        assertThat(docx.sectPr().getEGHdrFtrReferences()).noneMatch(HeaderReference.class::isInstance);
        assertThat(docx.pkg.getParts().getParts().values()).noneMatch(HeaderPart.class::isInstance);
        assertThat(docx.bodyText()).doesNotContain("草稿");
    }

    @Test
    void draftCarriesCaogaoInTheHeaderOfEveryPage() {
        ObjectNode report = Fixtures.corrected();
        Docx draft = Docx.load(
                Fixtures.render(report, Fixtures.evaluate(report), DocumentOptions.reviewCopy(Fixtures.DATE)));
        // no distinct first page: the default header covers page 1 and every odd page, the even one the rest
        assertThat(draft.sectPr().getTitlePg()).isNull();
        assertThat(draft.sectPr().getEGHdrFtrReferences())
                .filteredOn(HeaderReference.class::isInstance)
                .extracting(ref -> ((HeaderReference) ref).getType())
                .containsExactlyInAnyOrder(HdrFtrRef.DEFAULT, HdrFtrRef.EVEN);
        for (var reference : draft.sectPr().getEGHdrFtrReferences()) {
            if (reference instanceof HeaderReference header) {
                HeaderPart part = (HeaderPart) draft.main.getRelationshipsPart().getPart(header.getId());
                assertThat(Docx.text(part.getContent().get(0))).isEqualTo("草稿 — 尚未公开，仅供审核");
            }
        }
        HeaderFooterPolicy policy = draft.headersAndFooters();
        assertThat(Docx.text(policy.getDefaultHeader().getContent().get(0))).contains("草稿");
        assertThat(Docx.text(policy.getEvenHeader().getContent().get(0))).contains("草稿");
    }

    private static void assertFonts(RFonts fonts, String font) {
        assertThat(fonts.getEastAsia()).isEqualTo(font);
        assertThat(fonts.getAscii()).isEqualTo(font);
        assertThat(fonts.getHAnsi()).isEqualTo(font);
    }
}
