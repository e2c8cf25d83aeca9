/**
 * Scoring and the 18 checks of a report, pure Java: each rule, the evaluation, findings and their texts, the grade table's interface.
 *
 * <p>Uses only report; neither Spring nor Camunda.
 */
package cn.jixiao.scoring;
