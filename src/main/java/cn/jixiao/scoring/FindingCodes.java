package cn.jixiao.scoring;

/** The stable finding codes of docs/RULES.md. */
final class FindingCodes {

    public static final String SCHEMA_VIOLATION = "SCHEMA_VIOLATION";
    public static final String WEIGHT_TOTAL_NOT_100 = "WEIGHT_TOTAL_NOT_100";
    public static final String SCORE_EXCEEDS_WEIGHT = "SCORE_EXCEEDS_WEIGHT";
    public static final String FUND_LINES_SUM_MISMATCH = "FUND_LINES_SUM_MISMATCH";
    public static final String BUDGET_SPLIT_MISMATCH = "BUDGET_SPLIT_MISMATCH";
    public static final String STAFF_SPLIT_MISMATCH = "STAFF_SPLIT_MISMATCH";
    public static final String BUDGET_ZERO = "BUDGET_ZERO";
    public static final String LEVEL1_WEIGHT_MISMATCH = "LEVEL1_WEIGHT_MISMATCH";
    public static final String DEVIATION_NOTE_MISSING = "DEVIATION_NOTE_MISSING";
    public static final String SCORE_ABOVE_SUGGESTED = "SCORE_ABOVE_SUGGESTED";
    public static final String EXECUTED_EXCEEDS_BUDGET = "EXECUTED_EXCEEDS_BUDGET";
    public static final String DECLARED_SCORE_MISMATCH = "DECLARED_SCORE_MISMATCH";
    public static final String DECLARED_TOTAL_MISMATCH = "DECLARED_TOTAL_MISMATCH";
    public static final String ASSETS_EQUATION = "ASSETS_EQUATION";
    public static final String ASSETS_IN_USE_EXCEEDS = "ASSETS_IN_USE_EXCEEDS";
    public static final String STAFF_OVER_AUTHORIZED = "STAFF_OVER_AUTHORIZED";
    public static final String THREE_PUBLIC_OVER_BUDGET = "THREE_PUBLIC_OVER_BUDGET";
    public static final String NARRATIVE_PROJECT_UNKNOWN = "NARRATIVE_PROJECT_UNKNOWN";
    public static final String PROFILE_UNKNOWN = "PROFILE_UNKNOWN";
    public static final String SCORE_MISSING = "SCORE_MISSING";
    public static final String ACTUAL_MISSING = "ACTUAL_MISSING";
    public static final String TEMPLATE_TEXT_LEFT = "TEMPLATE_TEXT_LEFT";
    public static final String BUDGET_CUT_TO_SPENDING = "BUDGET_CUT_TO_SPENDING";
    public static final String LOW_EXECUTION_REASON_MISSING = "LOW_EXECUTION_REASON_MISSING";
    public static final String DECLARED_RATE_MISMATCH = "DECLARED_RATE_MISMATCH";
    public static final String EXPECTED_FIELD_MISSING = "EXPECTED_FIELD_MISSING";

    private FindingCodes() {}
}
