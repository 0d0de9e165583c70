-- 效能评估 against deadlines: the moments a decision began and was made, where a row did not keep them. The audit trail
-- holds them (the transitions' events); from now on the transitions stamp them on the row too, so that the figures are
-- counted over the rows by month without reading the audit trail.
--   dataset.review_started_at / review_decided_at: the formal review (形式审核) of the latest submission, or of the review
--     reopened by an upheld objection, and its acceptance into publicity or its return;
--   sandbox_job.release_decided_at: a result's release or rejection, by a reviewer or by the policy at once.
ALTER TABLE dataset
    ADD COLUMN review_started_at timestamptz,
    ADD COLUMN review_decided_at timestamptz;
ALTER TABLE sandbox_job ADD COLUMN release_decided_at timestamptz;

UPDATE dataset SET review_started_at = submitted_at WHERE submitted_at IS NOT NULL;
UPDATE dataset d SET review_decided_at = coalesce(
        (SELECT max(a.at) FROM audit_event a WHERE a.resource_type = 'dataset' AND a.resource_id = d.id::text
             AND a.action IN ('dataset.accept', 'dataset.return') AND a.at >= d.submitted_at),
        d.publicity_started_at, d.updated_at)
    WHERE d.submitted_at IS NOT NULL AND d.status <> 'SUBMITTED';
UPDATE sandbox_job j SET release_decided_at = coalesce(
        (SELECT max(a.at) FROM audit_event a WHERE a.resource_type = 'sandbox_job' AND a.resource_id = j.id::text
             AND a.action IN ('job.release', 'job.reject', 'job.released', 'job.rejected')),
        j.finished_at, j.updated_at)
    WHERE j.state IN ('RELEASED', 'REJECTED');

CREATE INDEX dataset_review_decided_idx ON dataset (review_decided_at) WHERE review_decided_at IS NOT NULL;
CREATE INDEX dataset_registered_idx ON dataset (registered_at) WHERE registered_at IS NOT NULL;
CREATE INDEX sandbox_job_release_decided_idx ON sandbox_job (release_decided_at) WHERE release_decided_at IS NOT NULL;
CREATE INDEX license_decided_idx ON license (decided_at) WHERE decided_at IS NOT NULL;
