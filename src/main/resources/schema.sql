-- Application tables. Portable SQL (H2 and PostgreSQL); Camunda creates its own tables.
CREATE TABLE IF NOT EXISTS jx_unit (
  code       VARCHAR(64)  NOT NULL PRIMARY KEY,
  name       VARCHAR(200) NOT NULL,
  supervisor VARCHAR(200)
);
