/**
 * The report's content model, pure Java: the JSON schema and its validator, sections, fiscal year, numbers as people type them, the process variables' names.
 *
 * <p>Uses nothing of the application and neither Spring nor Camunda.
 */
package cn.jixiao.report;
