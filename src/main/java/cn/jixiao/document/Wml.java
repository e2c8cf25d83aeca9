package cn.jixiao.document;

import java.math.BigInteger;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.R;
import org.docx4j.wml.Text;

/** Small factories for WordprocessingML objects. Stateless; the ObjectFactory only wraps values. */
final class Wml {

    static final ObjectFactory FACTORY = new ObjectFactory();

    private Wml() {}

    /** A paragraph of the given style holding the text as one run (no run for an empty text). */
    static P paragraph(String styleId, String text) {
        P p = new P();
        PPr pPr = new PPr();
        PPrBase.PStyle style = new PPrBase.PStyle();
        style.setVal(styleId);
        pPr.setPStyle(style);
        p.setPPr(pPr);
        if (text != null && !text.isEmpty()) {
            p.getContent().add(run(text));
        }
        return p;
    }

    static R run(String text) {
        R r = new R();
        Text t = new Text();
        t.setValue(clean(text));
        t.setSpace("preserve");
        r.getContent().add(FACTORY.createRT(t));
        return r;
    }

    static BooleanDefaultTrue on() {
        return new BooleanDefaultTrue();
    }

    static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    /**
     * The text without what XML 1.0 cannot hold (control characters other than tab and line breaks, unpaired
     * surrogates, U+FFFE/U+FFFF); tabs become spaces. Null reads as empty.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep;
            if (Character.isHighSurrogate(c)) {
                keep = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (keep) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                keep = false;
            } else {
                keep = c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
            }
            char replacement = c == '\t' ? ' ' : 0;
            if (keep && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            }
            if (keep) {
                out.append(c);
            } else if (replacement != 0) {
                out.append(replacement);
            }
        }
        return out == null ? text : out.toString();
    }
}
