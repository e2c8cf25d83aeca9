package cn.jixiao.notify;

/**
 * What a notice is about; the campaign sends these three, and the kind decides nothing but the wording and the log,
 * so that a reminder and an overdue notice of the same unit can be told apart by a reader of the log.
 */
public enum NoticeKind {
    /** 催报: before the deadline, to a unit that has not submitted. */
    REMINDER,
    /** 逾期: at the deadline, to the leaders of one unit that has not submitted. */
    OVERDUE_UNIT,
    /** 逾期汇总: at the deadline, to the finance bureau, listing every unit that has not submitted. */
    OVERDUE_SUMMARY
}
