package cn.jixiao.summary;

/**
 * Column widths that fit the content, tracked while the rows stream by (POI's autoSizeColumn would need every row in
 * memory and the fonts installed): a CJK character counts two characters, anything else one, plus a margin, between
 * 6 and 60 characters; in POI's unit of 1/256 of a character.
 */
final class ColumnWidths {

    static final int MIN = 6;
    static final int MAX = 60;

    private final int[] widest;

    ColumnWidths(int columns) {
        widest = new int[columns];
    }

    void see(int column, String text) {
        widest[column] = Math.max(widest[column], display(text));
    }

    /** The width of a column in 1/256 of a character. */
    int width(int column) {
        return Math.max(MIN, Math.min(MAX, widest[column] + 2)) * 256;
    }

    /** How many characters wide a text shows: East Asian wide characters count two. */
    static int display(String text) {
        if (text == null) {
            return 0;
        }
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            width += wide(c) ? 2 : 1;
            i += Character.charCount(c);
        }
        return width;
    }

    private static boolean wide(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
    }
}
