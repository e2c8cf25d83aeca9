package cn.jixiao.workflow;

/** The stages of a report, as the API names them. */
public final class Stage {

  public static final String DRAFTING = "drafting";
  public static final String INTERNAL_REVIEW = "internalReview";
  public static final String FINANCE_REVIEW = "financeReview";
  public static final String ACCEPTED = "accepted";
  public static final String PUBLISHED = "published";

  private Stage() {}
}
