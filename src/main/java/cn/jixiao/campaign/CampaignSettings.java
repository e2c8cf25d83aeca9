package cn.jixiao.campaign;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jixiao.campaign.*}: when reminders go out (days before a unit's due date, at what time of day, in which
 * time zone) and how many units one launch job starts (a launch over 10,000 units is many small transactions).
 */
@ConfigurationProperties("jixiao.campaign")
record CampaignSettings(List<Integer> reminders, LocalTime reminderTime, ZoneId zone, int launchBatch) {

    CampaignSettings {
        reminders = reminders == null ? List.of(7, 1) : List.copyOf(reminders);
        reminderTime = reminderTime == null ? LocalTime.of(9, 0) : reminderTime;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        launchBatch = launchBatch <= 0 ? 25 : launchBatch;
    }

    CampaignSchedule schedule() {
        return new CampaignSchedule(reminders, reminderTime, zone);
    }
}
