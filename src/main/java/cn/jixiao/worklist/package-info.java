/**
 * 本单位待办 answered without Camunda's filter machinery: the Tasklist's most frequent request, given the same answer
 * Camunda's REST API gives, from two plain statements (cn.jixiao.engine's UnitWorklistStatements).
 *
 * <p>Uses the engine and the Tasklist's filters (security); used by nothing: it is a servlet filter in front of
 * Camunda's REST servlet.
 */
package cn.jixiao.worklist;
