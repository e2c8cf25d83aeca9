package cn.jixiao.board;

import cn.jixiao.record.Stage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages of a unit in a campaign, in the order a report moves through them, with the Chinese names the board,
 * the 本单位 view and the workbook show. 未开始 is a unit of the campaign without a report yet.
 */
public final class StageNames {

    static final String NOT_STARTED = "notStarted";
    static final List<String> ORDER = List.of(
            NOT_STARTED, Stage.DRAFTING, Stage.INTERNAL_REVIEW, Stage.FINANCE_REVIEW, Stage.ACCEPTED, Stage.PUBLISHED);
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(NOT_STARTED, "未开始");
        NAMES.put(Stage.DRAFTING, "编制中");
        NAMES.put(Stage.INTERNAL_REVIEW, "单位审核");
        NAMES.put(Stage.FINANCE_REVIEW, "财政审核");
        NAMES.put(Stage.ACCEPTED, "已通过");
        NAMES.put(Stage.PUBLISHED, "已公开");
    }

    private StageNames() {}

    /** The Chinese name of a stage; an unknown stage as it is. */
    public static String name(String stage) {
        return NAMES.getOrDefault(stage == null ? NOT_STARTED : stage, stage);
    }

    static boolean known(String stage) {
        return NAMES.containsKey(stage);
    }

    /** Whether a report in this stage is one of the year's accepted reports (ranked). */
    public static boolean accepted(String stage) {
        return Stage.ACCEPTED.equals(stage) || Stage.PUBLISHED.equals(stage);
    }
}
