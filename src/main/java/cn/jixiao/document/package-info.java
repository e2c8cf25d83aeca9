/**
 * The GB/T 9704 .docx of a report with docx4j, and the same content as blocks for other readers (the HTML view).
 *
 * <p>Uses nothing of the application and neither Spring nor Camunda.
 */
package cn.jixiao.document;
