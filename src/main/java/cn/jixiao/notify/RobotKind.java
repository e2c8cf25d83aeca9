package cn.jixiao.notify;

/** The group-chat robots a webhook may belong to; both take the same text message, with different limits. */
enum RobotKind {
    /** 钉钉自定义机器人 (optionally with 加签, {@code secret}). */
    DINGTALK,
    /** 企业微信群机器人. */
    WECOM
}
