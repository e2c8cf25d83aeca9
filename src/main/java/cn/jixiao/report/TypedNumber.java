package cn.jixiao.report;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A number as a Chinese office worker types it: half- or full-width digits (１２３), thousands separators (1,234.5
 * or 1，234.5), a trailing unit (万元, or 分 for scores). Read into the exact value typed, or refused with a reason —
 * never guessed: a comma where no thousands group is, a letter O for a zero, more decimals than allowed are refused,
 * not rounded. The Tasklist's number guard (tasklist/scripts/number-input.js) follows the same grammar.
 */
public final class TypedNumber {

    /** The outcome: exactly one of value and problem is present. */
    public record Reading(BigDecimal value, String problem) {
        public boolean ok() {
            return value != null;
        }
    }

    private TypedNumber() {}

    /**
     * Reads {@code typed}; {@code unit} is the unit a trailing word may name (万元, 分; null for none) and
     * {@code maxDecimals} how many places the field keeps. Blank text reads as no value (problem null, value null).
     */
    public static Reading read(String typed, String unit, int maxDecimals) {
        String text = halfWidth(typed == null ? "" : typed).strip();
        if (text.isEmpty()) {
            return new Reading(null, null);
        }
        if (unit != null && !unit.isEmpty() && text.endsWith(unit)) {
            text = text.substring(0, text.length() - unit.length()).strip();
        }
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        Optional<String> problem = problemOf(body, unit);
        if (problem.isPresent()) {
            return new Reading(null, problem.get());
        }
        String plain = body.replace(",", "");
        int dot = plain.indexOf('.');
        int decimals = dot < 0 ? 0 : plain.length() - dot - 1;
        if (decimals > maxDecimals) {
            return new Reading(null, maxDecimals == 0 ? "应为整数，不能有小数" : "最多" + maxDecimals + "位小数（不会自动四舍五入），请核对");
        }
        BigDecimal value = new BigDecimal(plain);
        return new Reading(negative ? value.negate() : value, null);
    }

    /** Full-width digits and signs as their ASCII twins; the value they stand for is the same. */
    static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                out.append((char) ('0' + (c - '０')));
            } else if (c == '．' || c == '。') {
                out.append('.');
            } else if (c == '，') {
                out.append(',');
            } else if (c == '－' || c == '−') {
                out.append('-');
            } else if (c == '\u3000' || c == '\u00a0') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Optional<String> problemOf(String body, String unit) {
        if (body.isEmpty() || !body.chars().anyMatch(Character::isDigit)) {
            return Optional.of(onlyDigits(unit));
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!(c >= '0' && c <= '9') && c != ',' && c != '.') {
                return Optional.of(onlyDigits(unit) + "，「" + c + "」不是数字");
            }
        }
        if (body.indexOf('.') != body.lastIndexOf('.')) {
            return Optional.of("只能有一个小数点");
        }
        if (body.startsWith(".") || body.endsWith(".")) {
            return Optional.of("小数点前后都要有数字");
        }
        if (body.contains(",") && !body.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            return Optional.of("千分位逗号位置不对（应每三位一个，如 1,234.56），逗号不能当小数点");
        }
        return Optional.empty();
    }

    private static String onlyDigits(String unit) {
        return "只能填写数字" + (unit == null || unit.isEmpty() ? "" : "（单位" + unit + "，可省略）");
    }
}
