package cn.jixiao.report;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A fiscal year (年度) as it arrives: an integer, or a text as people type it (２０２３, 2023年). Valid years are
 * 2000 to 2100, as in report.schema.json; anything else is no year. Shared by every start that takes a year.
 */
public final class FiscalYear {

    static final BigDecimal FIRST = BigDecimal.valueOf(2000);
    static final BigDecimal LAST = BigDecimal.valueOf(2100);

    private FiscalYear() {}

    /** The year {@code value} stands for, or empty when it is none. */
    public static Optional<Integer> read(Object value) {
        BigDecimal year = null;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            year = new BigDecimal(n.toString());
        } else if (value instanceof String s) {
            year = TypedNumber.read(s, "年", 0).value();
        }
        if (year == null || year.compareTo(FIRST) < 0 || year.compareTo(LAST) > 0) {
            return Optional.empty();
        }
        return Optional.of(year.intValueExact());
    }

    /** The Chinese message for a value that is no year. */
    public static String problem(Object value) {
        return "「年度」必须是2000至2100之间的整数年份" + (value == null ? "，不能为空" : "，实填" + value);
    }
}
