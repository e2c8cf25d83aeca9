package cn.jixiao.document;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Page and type measures after GB/T 9704-2012 《党政机关公文格式》. Lengths are in twips (1/20 pt, 1/1440 inch),
 * font sizes in half-points as WordprocessingML wants them.
 */
final class Layout {

    /** A4, 210 mm × 297 mm. */
    static final int PAGE_WIDTH = 11906;

    static final int PAGE_HEIGHT = 16838;

    /** 天头 37 mm, 下白边 35 mm, 订口 28 mm, 翻口 26 mm: a 156 mm × 225 mm 版心. */
    static final int MARGIN_TOP = mm(37);

    static final int MARGIN_BOTTOM = mm(35);
    static final int MARGIN_LEFT = mm(28);
    static final int MARGIN_RIGHT = mm(26);
    static final int HEADER_DISTANCE = mm(15);
    /** The page number's top sits 7 mm under the 版心: 35 − 7 − ~5 mm for the 4号 line itself. */
    static final int FOOTER_DISTANCE = mm(23);

    static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    static final int TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;

    static final int LINES_PER_PAGE = 22;
    static final int CHARS_PER_LINE = 28;
    /** Exact line pitch that fits 22 lines into the 版心 (rounded down so the 22nd line still fits): 579. */
    static final int LINE_PITCH = TEXT_HEIGHT / LINES_PER_PAGE;

    /** Half-points: 2号 22 pt, 小二 18 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt. */
    static final int SIZE_TITLE = 44;

    static final int SIZE_TABLE_TITLE = 36;
    static final int SIZE_BODY = 32;
    static final int SIZE_PAGE_NUMBER = 28;
    static final int SIZE_TABLE = 21;
    static final int SIZE_HEADER = 21;

    /** Two characters of 3号 text: the first-line indent of every body paragraph. */
    static final int INDENT_TWO_CHARS = 2 * SIZE_BODY * 10;
    /** One character of 4号: page numbers keep that far from the edge of the 版心 (单页码居右空一字). */
    static final int PAGE_NUMBER_INSET = SIZE_PAGE_NUMBER * 10;

    /**
     * Character spacing of body text in twentieths of a point, so that 28 characters of 3号 fill the 156 mm line
     * (rounded down so the 28th character still fits): 8845 / 28 − 320 → −5, i.e. each character 0.25 pt tighter.
     * A character grid (docGrid linesAndChars with a negative charSpace) would do the same in Word, but LibreOffice
     * puts every 16 pt character into two 15.8 pt grid cells and the page falls apart; spacing works in both.
     */
    static final int CHAR_SPACING = BigDecimal.valueOf(TEXT_WIDTH)
            .divide(BigDecimal.valueOf(CHARS_PER_LINE), 10, RoundingMode.HALF_UP)
            .subtract(BigDecimal.valueOf(SIZE_BODY * 10L))
            .setScale(0, RoundingMode.FLOOR)
            .intValueExact();

    /** Fonts as GB/T 9704 names them, and what a machine without the 方正/GB2312 fonts shows instead. */
    static final String FONT_TITLE = "方正小标宋简体";

    static final String FONT_BODY = "仿宋_GB2312";
    static final String FONT_HEADING1 = "黑体";
    static final String FONT_HEADING2 = "楷体_GB2312";
    static final String FONT_PAGE_NUMBER = "宋体";

    private Layout() {}

    /** Millimetres to twips, rounded: mm × 1440 / 25.4. */
    static int mm(double millimetres) {
        return (int) Math.round(millimetres * 1440 / 25.4);
    }
}
