package cn.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.Stage;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The rules of 更正 without engine or database: the reason, when a report may be corrected, the public dates. */
class CorrectionsTest {

    private static ReportEntry entry(String stage, LocalDate first, LocalDate latest, int corrections) {
        return new ReportEntry("r1", "430423-XZSP", 2022, stage, true, latest, Instant.EPOCH, "p1", first, corrections);
    }

    @Test
    void theReasonIsRequiredTextOfAtMost2000Characters() {
        assertThat(Corrections.reasonProblem(null))
                .hasValueSatisfying(m -> assertThat(m).contains("「更正原因」不能为空"));
        assertThat(Corrections.reasonProblem(""))
                .hasValueSatisfying(m -> assertThat(m).contains("「更正原因」不能为空"));
        assertThat(Corrections.reasonProblem(" \n\t\u3000"))
                .hasValueSatisfying(m -> assertThat(m).contains("不能为空"));
        assertThat(Corrections.reasonProblem(42))
                .hasValueSatisfying(m -> assertThat(m).contains("「更正原因」应为文字"));
        assertThat(Corrections.reasonProblem("错".repeat(2001)))
                .hasValueSatisfying(m -> assertThat(m).contains("不能超过2000字").contains("2001"));
        assertThat(Corrections.reasonProblem("错".repeat(2000))).isEmpty();
        // Characters, not UTF-16 units: 2000 characters outside the BMP are fine.
        assertThat(Corrections.reasonProblem("𠀀".repeat(2000))).isEmpty();
        assertThat(Corrections.reasonProblem("  决算数有误  ")).isEmpty();
    }

    @Test
    void onlyAPublishedReportMayBeCorrected() {
        assertThat(Corrections.refusal(null)).contains(Corrections.Refusal.NOT_FOUND);
        assertThat(Corrections.refusal(entry(Stage.PUBLISHED, null, LocalDate.of(2026, 1, 2), 0)))
                .isEmpty();
        assertThat(Corrections.refusal(entry(Stage.PUBLISHED, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 3), 1)))
                .isEmpty();
        for (String stage :
                new String[] {Stage.DRAFTING, Stage.INTERNAL_REVIEW, Stage.FINANCE_REVIEW, Stage.ACCEPTED}) {
            assertThat(Corrections.refusal(entry(stage, null, null, 0)))
                    .as(stage)
                    .contains(Corrections.Refusal.NOT_PUBLISHED);
            assertThat(Corrections.refusal(entry(stage, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 2), 1)))
                    .as(stage)
                    .contains(Corrections.Refusal.ALREADY_CORRECTING);
        }
        for (Corrections.Refusal refusal : Corrections.Refusal.values()) {
            assertThat(refusal.message()).matches(".*\\p{IsHan}.*");
        }
    }

    @Test
    void thePublicListShowsBothDatesOfACorrectedReport() {
        LocalDate first = LocalDate.of(2026, 1, 2);
        LocalDate again = LocalDate.of(2026, 2, 3);
        assertThat(Corrections.publicationDates(entry(Stage.PUBLISHED, first, first, 0)))
                .isEqualTo("2026-01-02");
        assertThat(Corrections.publicationDates(entry(Stage.PUBLISHED, null, first, 0)))
                .as("published before this version")
                .isEqualTo("2026-01-02");
        assertThat(Corrections.publicationDates(entry(Stage.PUBLISHED, first, again, 1)))
                .isEqualTo("已更正\n首次公开：2026-01-02\n更正后公开：2026-02-03");
        assertThat(Corrections.publicationDates(entry(Stage.DRAFTING, null, null, 0)))
                .isEmpty();
        assertThat(entry(Stage.DRAFTING, first, first, 1).correcting()).isTrue();
        assertThat(entry(Stage.PUBLISHED, first, again, 1).corrected()).isTrue();
        assertThat(entry(Stage.PUBLISHED, first, first, 0).corrected()).isFalse();
    }
}
