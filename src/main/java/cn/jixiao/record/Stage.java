package cn.jixiao.record;

/**
 * The stages of a report, as the API names them. 更正中 (a published report taken back for correction) is no stage of
 * its own: the report goes through the same stages again, from drafting to published, and the record's count of
 * corrections tells it apart ({@link ReportEntry#correcting()}), so every check of a stage applies unchanged.
 */
public final class Stage {

    public static final String DRAFTING = "drafting";
    public static final String INTERNAL_REVIEW = "internalReview";
    public static final String FINANCE_REVIEW = "financeReview";
    public static final String ACCEPTED = "accepted";
    public static final String PUBLISHED = "published";

    private Stage() {}
}
