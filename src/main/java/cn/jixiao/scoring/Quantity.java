package cn.jixiao.scoring;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A non-negative number with an optional unit, read from indicator text such as {@code 15个}, {@code 97.5%},
 * {@code 1,200万元} or {@code 3}. The unit is what follows the number; it may not contain digits.
 */
record Quantity(BigDecimal value, String unit) {

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(\\D{0,20})");

    /** True when a unit was written. */
    public boolean hasUnit() {
        return !unit.isEmpty();
    }

    /** Units agree when either is absent or both are the same text. */
    public boolean unitAgreesWith(Quantity other) {
        return !hasUnit() || !other.hasUnit() || unit.equals(other.unit);
    }

    /** Reads text that is exactly a number and an optional unit; empty when it is not. */
    public static Optional<Quantity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return parseNormalized(normalize(text));
    }

    static Optional<Quantity> parseNormalized(String compact) {
        Matcher matcher = NUMBER_AND_UNIT.matcher(compact);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String fraction = matcher.group(2) == null ? "" : matcher.group(2);
        BigDecimal value = new BigDecimal(matcher.group(1).replace(",", "") + fraction);
        return Optional.of(new Quantity(value, matcher.group(3)));
    }

    /** NFKC (full-width digits, ％, ＞ become ASCII) and all white space removed. */
    static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
