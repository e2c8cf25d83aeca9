package cn.jixiao.document;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The 年度指标值 and 实际完成值 cells of an indicator row, with the 指标性质 and 度量单位 some templates (Sichuan's) keep
 * in columns of their own: the 自评表 of the national template writes them into the value ("≥17个"), so a bare number
 * gets its unit, a bare target its comparator, and a worded 指标性质 (正向指标, 定性指标) a line of its own. A value that
 * already carries them is shown as written, and without these fields every value is shown exactly as written.
 */
final class IndicatorValue {

    /** Characters a comparator 指标性质 is made of: ≥, ≤, =, >, <, in half and full width. */
    private static final String COMPARATOR_CHARS = "≥≤=＝>＞<＜";

    private IndicatorValue() {}

    /** The 年度指标值: comparator + target + unit, and a worded 指标性质 on a second line. */
    static String target(JsonNode indicator) {
        String nature = Fields.text(indicator, "nature");
        String value = withUnit(Fields.text(indicator, "target"), Fields.text(indicator, "measureUnit"));
        if (nature == null) {
            return value;
        }
        if (isComparator(nature)) {
            return value != null && startsWithNumber(value) ? nature + value : value;
        }
        return value == null ? "(" + nature + ")" : value + "\n(" + nature + ")";
    }

    /** The 实际完成值, a bare number with the 度量单位. */
    static String actual(JsonNode indicator) {
        return withUnit(Fields.text(indicator, "actual"), Fields.text(indicator, "measureUnit"));
    }

    private static String withUnit(String value, String unit) {
        if (value == null || unit == null || !Character.isDigit(value.charAt(value.length() - 1))) {
            return value;
        }
        return value + unit;
    }

    private static boolean isComparator(String nature) {
        return nature.length() <= 2 && nature.chars().allMatch(c -> COMPARATOR_CHARS.indexOf(c) >= 0);
    }

    private static boolean startsWithNumber(String value) {
        char first = value.charAt(0);
        return Character.isDigit(first) || first == '-' || first == '.';
    }
}
