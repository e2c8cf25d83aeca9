package cn.jixiao.workflow;

import cn.jixiao.report.Violation;
import java.util.List;

/** Joins schema violations into one Chinese message a clerk can act on. */
final class ViolationMessages {

    private static final int MAX_LISTED = 20;

    private ViolationMessages() {}

    static String of(String heading, List<Violation> violations) {
        StringBuilder text = new StringBuilder(heading);
        int n = 0;
        for (Violation v : violations) {
            if (n == MAX_LISTED) {
                text.append("\n……另有").append(violations.size() - MAX_LISTED).append("处问题");
                break;
            }
            text.append("\n").append(++n).append(". ").append(v.message());
        }
        return text.toString();
    }
}
