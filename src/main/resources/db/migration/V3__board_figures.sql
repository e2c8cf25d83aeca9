-- The figures of a report's last evaluation (计算得分与校验), for the finance bureau's board and the year's summary
-- workbook (cn.jixiao.board, cn.jixiao.summary): written by record/ReportFigures in the engine's transaction, from the
-- very evaluation JSON stored in the process variable `evaluation`, so 10,000 units are a few queries and never
-- 10,000 instances' variables. 总分 of a report is the mean of its projects' 总分 (docs/BOARD.md); 等级 graded from it
-- by the deployed DMN. Amounts in 万元 with up to four decimals, as the report has them. Portable (H2, PostgreSQL).
ALTER TABLE jx_report ADD COLUMN evaluated_at TIMESTAMP;
ALTER TABLE jx_report ADD COLUMN total_score DECIMAL(7,2);
ALTER TABLE jx_report ADD COLUMN grade VARCHAR(16);
ALTER TABLE jx_report ADD COLUMN error_count INTEGER;
ALTER TABLE jx_report ADD COLUMN warning_count INTEGER;
ALTER TABLE jx_report ADD COLUMN project_count INTEGER;
ALTER TABLE jx_report ADD COLUMN initial_budget DECIMAL(38,4);
ALTER TABLE jx_report ADD COLUMN annual_budget DECIMAL(38,4);
ALTER TABLE jx_report ADD COLUMN executed DECIMAL(38,4);
CREATE INDEX jx_report_year_stage ON jx_report (fiscal_year, stage);
-- One row per project of a report's last evaluation: its fund lines (万元) as the report has them and the numbers of
-- the evaluation (执行率, 预算执行率得分, subtotals, 总分, 等级). instance_id is the report's id.
CREATE TABLE jx_report_project (
  instance_id        VARCHAR(64)  NOT NULL,
  position           INTEGER      NOT NULL,
  name               VARCHAR(200) NOT NULL,
  total_initial      DECIMAL(38,4),
  total_annual       DECIMAL(38,4),
  total_executed     DECIMAL(38,4),
  grant_initial      DECIMAL(38,4),
  grant_annual       DECIMAL(38,4),
  grant_executed     DECIMAL(38,4),
  carryover_initial  DECIMAL(38,4),
  carryover_annual   DECIMAL(38,4),
  carryover_executed DECIMAL(38,4),
  other_initial      DECIMAL(38,4),
  other_annual       DECIMAL(38,4),
  other_executed     DECIMAL(38,4),
  execution_rate     DECIMAL(38,2),
  funds_score        DECIMAL(7,2),
  output_score       DECIMAL(7,2),
  effect_score       DECIMAL(7,2),
  satisfaction_score DECIMAL(7,2),
  total_score        DECIMAL(7,2),
  grade              VARCHAR(16),
  PRIMARY KEY (instance_id, position)
);
