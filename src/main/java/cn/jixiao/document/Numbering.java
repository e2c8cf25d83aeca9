package cn.jixiao.document;

import java.util.regex.Pattern;

/** Chinese enumerations: （一）（二）… and 一是、二是…, and removal of such a marker that a clerk typed already. */
final class Numbering {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final Pattern TYPED_LIST_MARKER = Pattern.compile("^[（(][一二三四五六七八九十百零〇]+[）)][、，,．.\\s]*");
    private static final Pattern TYPED_ORDINAL = Pattern.compile("^[一二三四五六七八九十百]+是[，,：:、]?\\s*");

    private Numbering() {}

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五; beyond 999 the Arabic number. */
    static String chinese(int n) {
        if (n < 0 || n > 999) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : chinese(n % 10));
        }
        if (n < 100) {
            return DIGITS.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : chinese(n % 10));
        }
        int rest = n % 100;
        String head = DIGITS.charAt(n / 100) + "百";
        if (rest == 0) {
            return head;
        }
        return head + (rest < 10 ? "零" + chinese(rest) : rest < 20 ? "一" + chinese(rest) : chinese(rest));
    }

    /** （一） for index 0. */
    static String listMarker(int index) {
        return "（" + chinese(index + 1) + "）";
    }

    /** 一是 for index 0. */
    static String ordinal(int index) {
        return chinese(index + 1) + "是";
    }

    /** The text without a leading （一）/(一) that would double the marker the document adds. */
    static String withoutListMarker(String text) {
        return TYPED_LIST_MARKER.matcher(text).replaceFirst("");
    }

    /** The text without a leading 一是/二是 that would double the ordinal the document adds. */
    static String withoutOrdinal(String text) {
        return TYPED_ORDINAL.matcher(text).replaceFirst("");
    }
}
