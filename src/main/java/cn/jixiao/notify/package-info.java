/**
 * Notices to people by mail and by DingTalk or WeCom robots, sent after the transaction commits.
 *
 * <p>Uses security (who belongs to a unit's groups).
 */
package cn.jixiao.notify;
