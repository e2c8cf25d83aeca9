package cn.jixiao.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeTest {

    private static final NoticeText TEXT = new NoticeText("主题", "正文");

    @Test
    void theFactoriesAddressTheRightGroups() {
        assertThat(Notice.reminder("430423-JYJ", TEXT).groupIds()).containsExactly("unit-430423-JYJ-clerks");
        assertThat(Notice.overdueUnit("430423-JYJ", TEXT).groupIds()).containsExactly("unit-430423-JYJ-leaders");
        Notice summary = Notice.overdueSummary("finance-bureau", TEXT);
        assertThat(summary.groupIds()).containsExactly("finance-bureau");
        assertThat(summary.unit()).isEmpty();
        assertThat(summary.kind()).isEqualTo(NoticeKind.OVERDUE_SUMMARY);
    }

    @Test
    void aNoticeNeedsRecipientsAndTheRightUnit() {
        assertThatThrownBy(() -> new Notice(NoticeKind.REMINDER, "主题", "正文", List.of(), null, "430423-JYJ"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice(NoticeKind.REMINDER, "主题", "正文", List.of("clerk"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice(NoticeKind.OVERDUE_SUMMARY, "主题", "正文", List.of("finance"), null, "X"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice(NoticeKind.OVERDUE_UNIT, " ", "正文", List.of("leader"), null, "X"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
