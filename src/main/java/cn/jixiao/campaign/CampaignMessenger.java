package cn.jixiao.campaign;

import cn.jixiao.unit.Unit;
import java.time.LocalDate;
import java.util.List;

/**
 * Who is told, and how, when a campaign reminds a unit or marks it overdue: the unit's clerks (reminders), its
 * leaders (overdue) and the finance bureau (the list of overdue units). The campaign records each event on the
 * report's tasks itself; this sends the messages beyond the Tasklist (mail, work-chat robots).
 */
interface CampaignMessenger {

    /** {@code tablesOnly}: the campaign's reports are the 项目支出绩效自评表 alone, and the messages say so. */
    void remind(Unit unit, int fiscalYear, LocalDate due, long daysLeft, String notice, boolean tablesOnly);

    void overdue(Unit unit, int fiscalYear, LocalDate due, boolean tablesOnly);

    void overdueSummary(int fiscalYear, LocalDate deadline, List<String> unitNames, boolean tablesOnly);
}
