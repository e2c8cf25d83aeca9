package cn.jixiao.campaign;

import cn.jixiao.JixiaoProperties;
import cn.jixiao.notify.Notice;
import cn.jixiao.notify.NoticeTexts;
import cn.jixiao.notify.Notifications;
import cn.jixiao.unit.Unit;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The campaign's messages beyond the Tasklist, through the notify package: 催报 to the unit's clerks, 逾期 to its
 * leaders, the list of overdue units to the finance bureau — by mail and by the work-chat robots configured. The
 * recipients are settled inside the tick's transaction and the messages go out after it commits, so a tick that
 * fails and runs again sends nothing twice, and a slow mail server never holds the engine's transaction open.
 */
@Component
class NotifyingMessenger implements CampaignMessenger {

    private final Notifications notifications;
    private final JixiaoProperties properties;

    NotifyingMessenger(Notifications notifications, JixiaoProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void remind(Unit unit, int fiscalYear, LocalDate due, long daysLeft, String notice, boolean tablesOnly) {
        notifications.sendAfterCommit(Notice.reminder(
                unit.code(), NoticeTexts.reminder(unit.name(), fiscalYear, due, daysLeft, notice, tablesOnly)));
    }

    @Override
    public void overdue(Unit unit, int fiscalYear, LocalDate due, boolean tablesOnly) {
        notifications.sendAfterCommit(
                Notice.overdueUnit(unit.code(), NoticeTexts.overdueUnit(unit.name(), fiscalYear, due, tablesOnly)));
    }

    @Override
    public void overdueSummary(int fiscalYear, LocalDate deadline, List<String> unitNames, boolean tablesOnly) {
        notifications.sendAfterCommit(Notice.overdueSummary(
                properties.financeGroup(), NoticeTexts.overdueSummary(fiscalYear, deadline, unitNames, tablesOnly)));
    }
}
