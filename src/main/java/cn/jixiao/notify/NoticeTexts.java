package cn.jixiao.notify;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The Chinese wording of the campaign's notices, as pure functions of unit, year and deadline, so the same words go
 * out by mail and by robot and can be read in a test. Every text names the report (年度 and 部门整体支出绩效自评报告, or 项目支出绩效自评表 for a campaign of the tables alone),
 * the unit (or the units) and the deadline as 2025年4月30日, and carries the words 绩效自评, which a DingTalk robot can
 * use as its keyword (README).
 */
public final class NoticeTexts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    static final String FOOTER = "本通知由部门整体支出绩效自评系统自动发送，请勿直接回复。";

    private NoticeTexts() {}

    /**
     * 催报: the unit has not submitted and the deadline is {@code daysLeft} days away (0: today).
     *
     * @param noticeText the finance bureau's own words for this campaign, or {@code null}/blank for none
     */
    public static NoticeText reminder(
            String unitName, int fiscalYear, LocalDate deadline, long daysLeft, String noticeText) {
        return reminder(unitName, fiscalYear, deadline, daysLeft, noticeText, false);
    }

    /**
     * The same, naming the 项目支出绩效自评表 when {@code tablesOnly} (a campaign of reports of the tables alone, issue
     * 18).
     */
    public static NoticeText reminder(
            String unitName, int fiscalYear, LocalDate deadline, long daysLeft, String noticeText, boolean tablesOnly) {
        requireName(unitName);
        Objects.requireNonNull(deadline, "deadline");
        if (daysLeft < 0) {
            throw new IllegalArgumentException("a reminder is sent before the deadline; past it, send overdueUnit");
        }
        String when = daysLeft == 0 ? "今天截止" : "还有" + daysLeft + "天截止";
        String subject = "【催报】" + unitName + report(fiscalYear, tablesOnly) + "尚未提交（" + when + "）";
        StringBuilder body = new StringBuilder()
                .append(unitName)
                .append("：\n\n")
                .append("贵单位")
                .append(report(fiscalYear, tablesOnly))
                .append("尚未提交。报送截止日期为")
                .append(date(deadline))
                .append(daysLeft == 0 ? "，即今天" : "，距截止还有" + daysLeft + "天")
                .append("。")
                .append("请经办人登录绩效自评系统尽快完成填报，并提交单位负责人审核。\n");
        if (noticeText != null && !noticeText.isBlank()) {
            body.append("\n通知内容：").append(noticeText.strip()).append('\n');
        }
        return new NoticeText(subject, body.append('\n').append(FOOTER).toString());
    }

    /** 逾期, to the unit's leaders: the deadline has passed and the unit has not submitted. */
    public static NoticeText overdueUnit(String unitName, int fiscalYear, LocalDate deadline) {
        return overdueUnit(unitName, fiscalYear, deadline, false);
    }

    /** The same, naming the 项目支出绩效自评表 when {@code tablesOnly}. */
    public static NoticeText overdueUnit(String unitName, int fiscalYear, LocalDate deadline, boolean tablesOnly) {
        requireName(unitName);
        Objects.requireNonNull(deadline, "deadline");
        String subject = "【逾期】" + unitName + report(fiscalYear, tablesOnly) + "逾期未提交";
        String body = unitName + "负责同志：\n\n"
                + report(fiscalYear, tablesOnly) + "的报送截止日期为" + date(deadline) + "，贵单位截至截止日期仍未提交，已逾期。"
                + "请督促经办人尽快完成填报，并及时审核报送财政局。\n\n"
                + FOOTER;
        return new NoticeText(subject, body);
    }

    /** 逾期汇总, to the finance bureau: every unit that had not submitted at the deadline, in the order given. */
    public static NoticeText overdueSummary(int fiscalYear, LocalDate deadline, List<String> unitNames) {
        return overdueSummary(fiscalYear, deadline, unitNames, false);
    }

    /** The same, naming the 项目支出绩效自评表 when {@code tablesOnly}. */
    public static NoticeText overdueSummary(
            int fiscalYear, LocalDate deadline, List<String> unitNames, boolean tablesOnly) {
        Objects.requireNonNull(deadline, "deadline");
        if (unitNames == null || unitNames.isEmpty()) {
            throw new IllegalArgumentException("an overdue summary lists at least one unit");
        }
        unitNames.forEach(NoticeTexts::requireName);
        String subject = "【逾期汇总】" + report(fiscalYear, tablesOnly) + "逾期未提交单位（共" + unitNames.size() + "个）";
        StringBuilder body = new StringBuilder()
                .append(report(fiscalYear, tablesOnly))
                .append("的报送截止日期为")
                .append(date(deadline))
                .append("。截至截止日期，以下")
                .append(unitNames.size())
                .append("个单位尚未提交：\n\n");
        for (int i = 0; i < unitNames.size(); i++) {
            body.append(i + 1).append(". ").append(unitNames.get(i)).append('\n');
        }
        return new NoticeText(subject, body.append('\n').append(FOOTER).toString());
    }

    /** 2025年4月30日: no leading zeros, as Chinese official documents write dates. */
    static String date(LocalDate day) {
        return DATE.format(day);
    }

    private static String report(int fiscalYear, boolean tablesOnly) {
        return fiscalYear + (tablesOnly ? "年度项目支出绩效自评表" : "年度部门整体支出绩效自评报告");
    }

    private static void requireName(String unitName) {
        if (unitName == null || unitName.isBlank()) {
            throw new IllegalArgumentException("unit name must not be blank");
        }
    }
}
