package cn.jixiao.document;

import java.time.LocalDate;

/**
 * How one copy of the report is rendered.
 *
 * @param draft       when true, the header of every page carries {@link #DRAFT_HEADER} (the copy under review)
 * @param publishedOn the date of the published copy, printed under the unit's name at the end of the main text
 *                    (成文日期); may be null, then no signature block is printed
 */
public record DocumentOptions(boolean draft, LocalDate publishedOn) {

    /** The header text of a draft copy. */
    public static final String DRAFT_HEADER = "草稿 — 尚未公开，仅供审核";

    /** A copy for the reviewers: 草稿 in every header, no date. */
    public static DocumentOptions reviewCopy() {
        return new DocumentOptions(true, null);
    }

    /** The published copy, dated {@code date} (may be null: no date line). */
    public static DocumentOptions finalCopy(LocalDate date) {
        return new DocumentOptions(false, date);
    }
}
