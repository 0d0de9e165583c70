-- A RUNNING job is leased by the marketplace-api instance that runs it, which renews the lease while the run
-- lasts. Another instance takes over (completes it from the runner's stored result, or fails it) only a job
-- whose lease has run out: instances never fail each other's running jobs.
ALTER TABLE sandbox_job ADD COLUMN lease_owner varchar(64);
ALTER TABLE sandbox_job ADD COLUMN lease_until timestamptz;
CREATE INDEX sandbox_job_lease_idx ON sandbox_job (state, lease_until);
