package cn.jixiao.record;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The workflow's own record of a report: whose it is, where it stands, who may see it. {@code id} is the report's id
 * for good (the process instance that started it); {@code processInstanceId} the instance carrying it now, which is
 * a later one after a correction (更正). {@code publishedOn} is the latest publication, {@code firstPublishedOn} the
 * first; {@code corrections} counts the corrections the report has been through.
 */
public record ReportEntry(
        String id,
        String unitCode,
        int fiscalYear,
        String stage,
        boolean seenByFinance,
        LocalDate publishedOn,
        Instant startedAt,
        String processInstanceId,
        LocalDate firstPublishedOn,
        int corrections) {

    /** Published, and on the public page now. */
    public boolean published() {
        return Stage.PUBLISHED.equals(stage);
    }

    /** 更正中: taken off the public page by a correction and not yet published again. */
    public boolean correcting() {
        return corrections > 0 && !published();
    }

    /** 已更正: published again after a correction. */
    public boolean corrected() {
        return corrections > 0 && published();
    }
}
