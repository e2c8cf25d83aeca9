package cn.jixiao.notify;

import cn.jixiao.security.UnitGroups;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One notice as the campaign hands it over: its kind, the Chinese subject and text, who receives it (Camunda user
 * ids and group ids, resolved to addresses only when it is sent, so a membership change before then counts) and the
 * unit it concerns. The unit picks the unit's webhook robot; a notice of no unit (the summary) goes to the finance
 * bureau's robot.
 *
 * @param unitCode the unit code, or {@code null} for a notice to the finance bureau
 */
public record Notice(
        NoticeKind kind, String subject, String text, List<String> userIds, List<String> groupIds, String unitCode) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        Objects.requireNonNull(text, "text");
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        if (userIds.isEmpty() && groupIds.isEmpty()) {
            throw new IllegalArgumentException("a notice needs at least one user or group");
        }
        if (unitCode != null && unitCode.isBlank()) {
            throw new IllegalArgumentException("unitCode must be null or a unit code");
        }
        if (kind == NoticeKind.OVERDUE_SUMMARY && unitCode != null) {
            throw new IllegalArgumentException("the overdue summary goes to the finance bureau, not to a unit");
        }
        if (kind != NoticeKind.OVERDUE_SUMMARY && unitCode == null) {
            throw new IllegalArgumentException(kind + " concerns a unit: unitCode is required");
        }
    }

    /** 催报 to the clerks of a unit (group {@code unit-<code>-clerks}), who fill in the report. */
    public static Notice reminder(String unitCode, NoticeText text) {
        return new Notice(
                NoticeKind.REMINDER,
                text.subject(),
                text.body(),
                List.of(),
                List.of(UnitGroups.clerkGroupId(unitCode)),
                unitCode);
    }

    /** 逾期 to the leaders of a unit (group {@code unit-<code>-leaders}). */
    public static Notice overdueUnit(String unitCode, NoticeText text) {
        return new Notice(
                NoticeKind.OVERDUE_UNIT,
                text.subject(),
                text.body(),
                List.of(),
                List.of(UnitGroups.leaderGroupId(unitCode)),
                unitCode);
    }

    /** 逾期汇总 to the finance bureau's group ({@code jixiao.finance-group}). */
    public static Notice overdueSummary(String financeGroup, NoticeText text) {
        return new Notice(
                NoticeKind.OVERDUE_SUMMARY, text.subject(), text.body(), List.of(), List.of(financeGroup), null);
    }

    public Optional<String> unit() {
        return Optional.ofNullable(unitCode);
    }
}
