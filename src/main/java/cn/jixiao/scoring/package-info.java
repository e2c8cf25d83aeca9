/**
 * Scoring and the checks of a report, pure Java: the scoring templates (评分模板) as data, each rule, the evaluation, findings and their texts, the grade table's interface.
 *
 * <p>Uses only report; neither Spring nor Camunda.
 */
package cn.jixiao.scoring;
