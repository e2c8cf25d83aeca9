/**
 * The finance bureau's year (年度绩效自评工作): a campaign that starts every unit's report in batches, its deadline, reminders and progress.
 *
 * <p>Uses workflow, record, unit, notify, security, engine and report.
 */
package cn.jixiao.campaign;
