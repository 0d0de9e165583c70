-- Predictable completion (Fuzz's predictable transactions): a job's slot is fixed at its admission from the
-- statement and the sizes of the tables it reads. Its requester sees it start at slot_start and end at visible_at,
-- never the real times of the run; an organization's slots follow one another. A job is metered once its outcome is
-- visible (metered_call: its call; metered_rows: its released rows), so that no invoice line tells when a run ended.
ALTER TABLE sandbox_job ADD COLUMN slot_start timestamptz;
ALTER TABLE sandbox_job ADD COLUMN visible_at timestamptz;
ALTER TABLE sandbox_job ADD COLUMN metered_call boolean NOT NULL DEFAULT false;
ALTER TABLE sandbox_job ADD COLUMN metered_rows boolean NOT NULL DEFAULT false;
UPDATE sandbox_job SET slot_start = created_at, visible_at = created_at, metered_call = true, metered_rows = true;
CREATE INDEX sandbox_job_slots ON sandbox_job (organization, visible_at);
CREATE INDEX sandbox_job_admitted_slot ON sandbox_job (slot_start) WHERE state = 'ADMITTED';
CREATE INDEX sandbox_job_unmetered ON sandbox_job (visible_at) WHERE NOT (metered_call AND metered_rows);
