package cn.jixiao.report;

/** Names of the process variables the model, the forms and the API share. */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "selfEvaluationReport";
    /** The finance bureau's yearly campaign (年度绩效自评工作), which starts the reports of every unit. */
    public static final String CAMPAIGN_KEY = "selfEvaluationCampaign";
    /** The campaign's notice (通知内容), shown on the drafting forms of the reports it started. */
    public static final String CAMPAIGN_NOTICE = "campaignNotice";

    public static final String FISCAL_YEAR = "fiscalYear";
    public static final String UNIT = "unit";
    public static final String UNIT_CODE = "unitCode";
    public static final String UNIT_NAME = "unitName";
    /** 报告范围 (department or projects; see ReportScope); absent means department. */
    public static final String SCOPE = "scope";
    /** 评分模板 (template id); absent means national. */
    public static final String PROFILE = "profile";

    public static final String LEADER_DECISION = "leaderDecision";
    public static final String LEADER_COMMENT = "leaderComment";
    public static final String FINANCE_DECISION = "financeDecision";
    public static final String FINANCE_COMMENT = "financeComment";
    public static final String SECTIONS_TO_REVISE = "sectionsToRevise";
    public static final String REVIEW_HISTORY_TEXT = "reviewHistoryText";
    public static final String LAST_RETURN_COMMENT = "lastReturnComment";

    public static final String EVALUATION = "evaluation";
    /** Task-local on review and submit tasks: the link to the .docx preview. */
    public static final String DOCUMENT_URL = "documentUrl";

    public static final String EVALUATION_SUMMARY_TEXT = "evaluationSummaryText";
    public static final String EVALUATION_HAS_ERRORS = "evaluationHasErrors";

    private ProcessVariables() {}
}
