-- Differential privacy accounted in integer units (ε in 10⁻⁶, δ in 10⁻¹²) against one budget per
-- organization and dataset per period, shared by all of the organization's licenses on the dataset.
-- A job keeps its charge when its run read data, even if it failed; only a job that never read data
-- is refunded (its charge set to 0). The cause of a failure is kept for the bureau only.
ALTER TABLE sandbox_job ADD COLUMN epsilon_micros bigint NOT NULL DEFAULT 0 CHECK (epsilon_micros >= 0);
ALTER TABLE sandbox_job ADD COLUMN delta_picos bigint NOT NULL DEFAULT 0 CHECK (delta_picos >= 0);
UPDATE sandbox_job SET epsilon_micros = ceil(epsilon_charged * 1000000);
ALTER TABLE sandbox_job DROP COLUMN epsilon_charged;
ALTER TABLE sandbox_job ADD COLUMN failure_cause varchar(64);
ALTER TABLE sandbox_job ADD COLUMN refunded boolean NOT NULL DEFAULT false;
-- What an organization spent on a dataset in a period, and the same statement asked again there.
CREATE INDEX sandbox_job_budget_idx ON sandbox_job (organization, dataset_id, created_at);
CREATE INDEX sandbox_job_reuse_idx ON sandbox_job (organization, dataset_id, sql_sha256, created_at);
DROP INDEX sandbox_job_repeat_idx;
-- Every job that shares a stored result (a repeated statement) follows it: found by its owner.
CREATE INDEX sandbox_job_reused_from_idx ON sandbox_job (reused_from);
