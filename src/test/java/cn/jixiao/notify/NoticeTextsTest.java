package cn.jixiao.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeTextsTest {

    private static final LocalDate DEADLINE = LocalDate.of(2025, 4, 30);

    @Test
    void reminderNamesUnitYearDeadlineAndDaysLeft() {
        NoticeText text = NoticeTexts.reminder("衡山县教育局", 2024, DEADLINE, 3, null);

        assertThat(text.subject()).isEqualTo("【催报】衡山县教育局2024年度部门整体支出绩效自评报告尚未提交（还有3天截止）");
        assertThat(text.body()).isEqualTo("""
        衡山县教育局：

        贵单位2024年度部门整体支出绩效自评报告尚未提交。报送截止日期为2025年4月30日，距截止还有3天。\
        请经办人登录绩效自评系统尽快完成填报，并提交单位负责人审核。

        本通知由部门整体支出绩效自评系统自动发送，请勿直接回复。""");
    }

    @Test
    void aCampaignOfTheTablesAloneNamesTheTables() {
        NoticeText reminder = NoticeTexts.reminder("衡山县教育局", 2024, DEADLINE, 3, null, true);
        assertThat(reminder.subject()).isEqualTo("【催报】衡山县教育局2024年度项目支出绩效自评表尚未提交（还有3天截止）");
        assertThat(reminder.body()).contains("贵单位2024年度项目支出绩效自评表尚未提交").doesNotContain("部门整体支出绩效自评报告尚未");
        assertThat(NoticeTexts.overdueUnit("衡山县教育局", 2024, DEADLINE, true).subject())
                .isEqualTo("【逾期】衡山县教育局2024年度项目支出绩效自评表逾期未提交");
        assertThat(NoticeTexts.overdueSummary(2024, DEADLINE, List.of("衡山县教育局"), true)
                        .subject())
                .isEqualTo("【逾期汇总】2024年度项目支出绩效自评表逾期未提交单位（共1个）");
    }

    @Test
    void reminderOnTheDayItselfSaysToday() {
        NoticeText text = NoticeTexts.reminder("衡山县教育局", 2024, DEADLINE, 0, "  ");

        assertThat(text.subject()).endsWith("（今天截止）");
        assertThat(text.body())
                .contains("报送截止日期为2025年4月30日，即今天。")
                .doesNotContain("距截止")
                .doesNotContain("通知内容");
    }

    @Test
    void reminderCarriesTheFinanceBureausOwnWords() {
        NoticeText text = NoticeTexts.reminder("衡山县教育局", 2024, DEADLINE, 7, " 请同时报送纸质版一份。\n");

        assertThat(text.body()).contains("\n\n通知内容：请同时报送纸质版一份。\n\n" + NoticeTexts.FOOTER);
    }

    @Test
    void aReminderAfterTheDeadlineIsRefused() {
        assertThatThrownBy(() -> NoticeTexts.reminder("衡山县教育局", 2024, DEADLINE, -1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overdueUnit");
    }

    @Test
    void overdueUnitIsAddressedToTheUnitsLeaders() {
        NoticeText text = NoticeTexts.overdueUnit("衡山县行政审批服务局", 2024, DEADLINE);

        assertThat(text.subject()).isEqualTo("【逾期】衡山县行政审批服务局2024年度部门整体支出绩效自评报告逾期未提交");
        assertThat(text.body())
                .startsWith("衡山县行政审批服务局负责同志：\n\n")
                .contains("2024年度部门整体支出绩效自评报告的报送截止日期为2025年4月30日，贵单位截至截止日期仍未提交，已逾期。")
                .endsWith(NoticeTexts.FOOTER);
    }

    @Test
    void overdueSummaryListsEveryLateUnitInOrder() {
        NoticeText text = NoticeTexts.overdueSummary(2024, DEADLINE, List.of("衡山县教育局", "衡山县行政审批服务局"));

        assertThat(text.subject()).isEqualTo("【逾期汇总】2024年度部门整体支出绩效自评报告逾期未提交单位（共2个）");
        assertThat(text.body()).isEqualTo("""
        2024年度部门整体支出绩效自评报告的报送截止日期为2025年4月30日。截至截止日期，以下2个单位尚未提交：

        1. 衡山县教育局
        2. 衡山县行政审批服务局

        本通知由部门整体支出绩效自评系统自动发送，请勿直接回复。""");
    }

    @Test
    void overdueSummaryNeedsUnitsAndNames() {
        assertThatThrownBy(() -> NoticeTexts.overdueSummary(2024, DEADLINE, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoticeTexts.overdueSummary(2024, DEADLINE, List.of("衡山县教育局", " ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoticeTexts.overdueUnit("", 2024, DEADLINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datesAreWrittenWithoutLeadingZeros() {
        assertThat(NoticeTexts.date(LocalDate.of(2025, 1, 5))).isEqualTo("2025年1月5日");
        assertThat(NoticeTexts.date(LocalDate.of(2025, 12, 31))).isEqualTo("2025年12月31日");
        assertThat(NoticeTexts.reminder("衡山县教育局", 2024, LocalDate.of(2025, 3, 1), 1, null)
                        .body())
                .contains("2025年3月1日");
    }

    @Test
    void everyTextCarriesTheRobotKeyword() {
        List<NoticeText> all = List.of(
                NoticeTexts.reminder("衡山县教育局", 2024, DEADLINE, 3, null),
                NoticeTexts.overdueUnit("衡山县教育局", 2024, DEADLINE),
                NoticeTexts.overdueSummary(2024, DEADLINE, List.of("衡山县教育局")));
        all.forEach(t -> assertThat(t.subject()).contains("绩效自评"));
    }
}
