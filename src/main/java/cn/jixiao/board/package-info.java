/**
 * 报送进度 and 本单位: the finance bureau's board of a year's campaign (/board/{year}: stages, overdue, charts, the
 * units' table, paged and sorted in SQL) and a unit's own reports over the years with their rank (/board/unit),
 * signed in with the Tasklist's session; the ranking shared with the summary workbook.
 *
 * <p>Uses campaign, record, grading, security, unit and scoring; the summary workbook uses its ranking and stage names.
 */
package cn.jixiao.board;
