-- A registered version's data enters the domain by upload (sandbox-runner checks it against the registered schema and
-- stores it as ds_<id>.parquet); the quality report it computed there is kept with the version: aggregates only.
ALTER TABLE dataset ADD COLUMN quality_report jsonb;
