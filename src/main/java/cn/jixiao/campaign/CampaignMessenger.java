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

    void remind(Unit unit, int fiscalYear, LocalDate due, long daysLeft, String notice);

    void overdue(Unit unit, int fiscalYear, LocalDate due);

    void overdueSummary(int fiscalYear, LocalDate deadline, List<String> unitNames);
}
