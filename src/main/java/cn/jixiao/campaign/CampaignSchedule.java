package cn.jixiao.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a campaign's reminders and overdue checks fall due, from each unit's due date: a reminder at the reminder
 * time of the day {@code n} days before the due date (for each configured n), the overdue check at the start of the
 * day after the due date (a unit may submit until the end of its due date). Pure: the BPMN timer asks for the next
 * moment, and the tick handles everything due since the last one — so a moved deadline only moves moments.
 */
final class CampaignSchedule {

    /** What falls due for one unit at one moment. */
    record Event(Instant at, String unitCode, Kind kind, int daysBefore) {}

    enum Kind {
        REMINDER,
        OVERDUE
    }

    private final List<Integer> reminderDays;
    private final LocalTime reminderTime;
    private final ZoneId zone;

    CampaignSchedule(List<Integer> reminderDays, LocalTime reminderTime, ZoneId zone) {
        this.reminderDays = reminderDays.stream()
                .filter(d -> d > 0)
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
        this.reminderTime = reminderTime;
        this.zone = zone;
    }

    /** Every event of one unit with the given due date, in time order. */
    List<Event> events(String unitCode, LocalDate due) {
        List<Event> events = new ArrayList<>();
        for (int days : reminderDays) {
            events.add(new Event(
                    due.minusDays(days).atTime(reminderTime).atZone(zone).toInstant(), unitCode, Kind.REMINDER, days));
        }
        events.add(new Event(overdueFrom(due), unitCode, Kind.OVERDUE, 0));
        return events;
    }

    /** The moment a unit with this due date is late: the start of the next day. */
    Instant overdueFrom(LocalDate due) {
        return due.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Events of the given units falling in (after, upTo], in time order. */
    List<Event> dueBetween(Instant after, Instant upTo, List<UnitDue> units) {
        return units.stream()
                .flatMap(u -> events(u.unitCode(), u.due()).stream())
                .filter(e -> e.at().isAfter(after) && !e.at().isAfter(upTo))
                .sorted(Comparator.comparing(Event::at).thenComparing(Event::unitCode))
                .toList();
    }

    /** The first event after {@code after}, if any is left. */
    Optional<Instant> next(Instant after, List<UnitDue> units) {
        return units.stream()
                .flatMap(u -> events(u.unitCode(), u.due()).stream())
                .map(Event::at)
                .filter(at -> at.isAfter(after))
                .min(Comparator.naturalOrder());
    }

    /** Whole days from {@code now} to the end of the due date, as a reminder says it (0 on the due date itself). */
    long daysLeft(Instant now, LocalDate due) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(today, due));
    }

    /** A unit in scope and its due date. */
    record UnitDue(String unitCode, LocalDate due) {}
}
