-- Issue 18: the campaign of a year sets the 评分模板 (template id; NULL: national) and optionally the 报告范围
-- (department or projects; NULL: department) of every report it starts.
ALTER TABLE jx_campaign ADD COLUMN profile VARCHAR(64);
ALTER TABLE jx_campaign ADD COLUMN report_scope VARCHAR(16);
