/**
 * The year's 汇总表: GET /api/campaigns/{year}/summary.xlsx with Apache POI (单位汇总, 项目明细, 说明), from the figures
 * each evaluation recorded (record/ReportFigures), for the finance bureau and administrators.
 *
 * <p>Uses board (ranking, stage names), campaign, grading, security and scoring.
 */
package cn.jixiao.summary;
