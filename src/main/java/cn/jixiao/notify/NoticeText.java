package cn.jixiao.notify;

import java.util.Objects;

/** A subject and a body, apart from who receives them, so the wording can be tested as pure functions. */
record NoticeText(String subject, String body) {

    public NoticeText {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        Objects.requireNonNull(body, "body");
    }
}
