package cn.jixiao.notify;

/** A Camunda user with a usable e-mail address, and the name to greet them by in the mail header. */
record Addressee(String userId, String name, String email) {}
