package cn.jixiao.workflow;

import cn.jixiao.record.ReportEntry;
import java.util.Optional;

/**
 * 更正 (correction) of a published report, the rules without engine or database: what a reason must be, when a
 * report may be corrected, and how its publication dates read on the public page. The routing is the model's (the
 * message start event {@value #START_EVENT} of the report process); the listener and the API call these.
 */
public final class Corrections {

    /** The message that starts the correction path of the report process (server and administrators only). */
    public static final String MESSAGE = "jixiaoReportCorrection";
    /** The start event of the correction path. */
    public static final String START_EVENT = "correctionRequested";
    /** Start variable: the id of the report to correct. */
    public static final String REPORT_VARIABLE = "correctedReportId";
    /** Start variable: 更正原因. */
    public static final String REASON_VARIABLE = "correctionReason";
    /** The request as the review log words it, for the task cards (see {@link DraftProgress}). */
    public static final String REQUEST_LINE_VARIABLE = "correctionRequest";
    /** The most characters 更正原因 may have. */
    public static final int MAX_REASON = 2000;

    /** Why a correction is refused: the report is not there, not published, or being corrected already. */
    public enum Refusal {
        NOT_FOUND("报告不存在或您无权查看"),
        NOT_PUBLISHED("该报告尚未公开，不能更正；未公开的报告请在审核中退回修改"),
        ALREADY_CORRECTING("该报告正在更正中，不能重复发起更正；请等待单位修改并重新审核公开");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private Corrections() {}

    /** What is wrong with the reason given, in Chinese naming 更正原因; empty when it will do. */
    public static Optional<String> reasonProblem(Object reason) {
        if (reason != null && !(reason instanceof String)) {
            return Optional.of("「更正原因」应为文字");
        }
        String text = reason == null ? "" : ((String) reason).strip();
        if (text.isEmpty()) {
            return Optional.of("「更正原因」不能为空，请说明报告中需要更正的内容");
        }
        if (text.codePointCount(0, text.length()) > MAX_REASON) {
            return Optional.of("「更正原因」不能超过" + MAX_REASON + "字（实填" + text.codePointCount(0, text.length()) + "字）");
        }
        return Optional.empty();
    }

    /** Why this report cannot be corrected now; empty when it is published and may be. */
    public static Optional<Refusal> refusal(ReportEntry report) {
        if (report == null) {
            return Optional.of(Refusal.NOT_FOUND);
        }
        if (report.published()) {
            return Optional.empty();
        }
        return Optional.of(report.correcting() ? Refusal.ALREADY_CORRECTING : Refusal.NOT_PUBLISHED);
    }

    /**
     * 公开日期 as the public list shows it (plain text, lines separated by \n): the date for a report published once;
     * for a corrected one the note 已更正 with both dates, the first publication and the publication after the
     * (latest) correction.
     */
    public static String publicationDates(ReportEntry report) {
        if (report.publishedOn() == null) {
            return "";
        }
        if (!report.corrected()) {
            return report.publishedOn().toString();
        }
        java.time.LocalDate first =
                report.firstPublishedOn() == null ? report.publishedOn() : report.firstPublishedOn();
        return "已更正\n首次公开：" + first + "\n更正后公开：" + report.publishedOn();
    }
}
