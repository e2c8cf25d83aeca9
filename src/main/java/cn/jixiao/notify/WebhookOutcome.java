package cn.jixiao.notify;

/**
 * What one robot did with a notice: delivered, or the last error after every attempt.
 *
 * @param key the webhook's key (unit code or {@code finance})
 */
record WebhookOutcome(String key, RobotKind kind, boolean delivered, int attempts, String lastError) {}
