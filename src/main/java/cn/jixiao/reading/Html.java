package cn.jixiao.reading;

/**
 * HTML escaping for text and attribute values (double-quoted): every character with a meaning in HTML becomes an
 * entity, so report text can never become markup. Null reads as empty. Plain Java, so the package needs no web
 * framework.
 */
final class Html {

    private Html() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The lines of a multi-line text, each escaped, joined with {@code <br>}. */
    static String lines(String text) {
        if (text == null) {
            return "";
        }
        return String.join(
                "<br>",
                text.strip().lines().map(String::strip).map(Html::escape).toList());
    }
}
