package cn.jixiao.document;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How one copy of the report is rendered. Every copy ends its text with the 落款 (GB/T 9704 7.3.5): the unit's name
 * and the 成文日期, right-aligned; the date is the publication date of the published copy and the day a draft copy is
 * made (docs/DOCUMENT.md).
 *
 * @param draft when true, the header of every page carries {@link #DRAFT_HEADER} (the copy under review)
 * @param date  the 成文日期 printed under the unit's name in the 落款; never null
 */
public record DocumentOptions(boolean draft, LocalDate date) {

    /** The header text of a draft copy. */
    public static final String DRAFT_HEADER = "草稿 — 尚未公开，仅供审核";

    public DocumentOptions {
        Objects.requireNonNull(date, "date (the 成文日期 of the 落款)");
    }

    /** A copy for the reviewers: 草稿 in every header, dated the day it is made. */
    public static DocumentOptions reviewCopy(LocalDate madeOn) {
        return new DocumentOptions(true, madeOn);
    }

    /** The published copy, dated its publication date. */
    public static DocumentOptions finalCopy(LocalDate publishedOn) {
        return new DocumentOptions(false, publishedOn);
    }
}
