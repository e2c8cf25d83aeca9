package cn.jixiao.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignScheduleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final CampaignSchedule schedule = new CampaignSchedule(List.of(1, 7), LocalTime.of(9, 0), SHANGHAI);

    private static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void remindersBeforeTheDueDateAndTheOverdueCheckAfterIt() {
        List<CampaignSchedule.Event> events = schedule.events("A", LocalDate.of(2024, 3, 31));
        assertThat(events)
                .extracting(CampaignSchedule.Event::at)
                .containsExactly(at("2024-03-24T09:00"), at("2024-03-30T09:00"), at("2024-04-01T00:00"));
        assertThat(events)
                .extracting(CampaignSchedule.Event::kind)
                .containsExactly(
                        CampaignSchedule.Kind.REMINDER, CampaignSchedule.Kind.REMINDER, CampaignSchedule.Kind.OVERDUE);
        assertThat(events).extracting(CampaignSchedule.Event::daysBefore).containsExactly(7, 1, 0);
    }

    @Test
    void aTickHandlesWhatFellDueSinceTheLastOneAndTheTimerWaitsForTheNext() {
        List<CampaignSchedule.UnitDue> units = List.of(
                new CampaignSchedule.UnitDue("A", LocalDate.of(2024, 3, 31)),
                new CampaignSchedule.UnitDue("B", LocalDate.of(2024, 4, 10)));
        // Launched on the 28th: A's 7-day reminder already passed and is never sent late.
        Instant launched = at("2024-03-28T10:00");
        assertThat(schedule.next(launched, units)).contains(at("2024-03-30T09:00"));
        assertThat(schedule.dueBetween(launched, at("2024-04-03T09:00"), units))
                .extracting(e -> e.unitCode() + " " + e.kind() + " " + e.daysBefore())
                .containsExactly("A REMINDER 1", "A OVERDUE 0", "B REMINDER 7");
        assertThat(schedule.next(at("2024-04-11T00:00"), units)).isEmpty();
    }

    @Test
    void anExtendedUnitMovesItsOwnMoments() {
        List<CampaignSchedule.UnitDue> extended = List.of(new CampaignSchedule.UnitDue("A", LocalDate.of(2024, 4, 15)));
        assertThat(schedule.next(at("2024-03-29T00:00"), extended)).contains(at("2024-04-08T09:00"));
        assertThat(schedule.overdueFrom(LocalDate.of(2024, 4, 15))).isEqualTo(at("2024-04-16T00:00"));
    }

    @Test
    void daysLeftCountsWholeDaysToTheDueDate() {
        assertThat(schedule.daysLeft(at("2024-03-24T09:00"), LocalDate.of(2024, 3, 31)))
                .isEqualTo(7);
        assertThat(schedule.daysLeft(at("2024-03-31T23:00"), LocalDate.of(2024, 3, 31)))
                .isZero();
    }
}
