package cn.jixiao.notify;

import java.util.List;

/** What the mail channel did with one notice: off (no SMTP server set), or how many mails went out and which failed. */
record MailOutcome(boolean off, int sent, List<String> failedUserIds) {

    MailOutcome {
        failedUserIds = List.copyOf(failedUserIds);
    }

    static MailOutcome switchedOff() {
        return new MailOutcome(true, 0, List.of());
    }
}
