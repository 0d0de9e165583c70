-- A clean room: a job reads the dataset of its license (sandbox_job.license_id / dataset_id, charged in
-- sandbox_job.epsilon_micros) and may join the datasets of further licenses of the same organization. Each joined
-- read is a row here with what it charged that dataset's budget (organization × dataset lineage × period); a job's
-- charges are all written in its admission's transaction, or none. A refunded job (sandbox_job.refunded) gave back
-- every charge: the budget sums count only rows of jobs not refunded.
CREATE TABLE sandbox_job_join (
    job_id         uuid    NOT NULL REFERENCES sandbox_job (id) ON DELETE CASCADE,
    position       integer NOT NULL,
    license_id     uuid    NOT NULL,
    dataset_id     uuid    NOT NULL,
    grade          text    NOT NULL,
    epsilon_micros bigint  NOT NULL DEFAULT 0,
    delta_picos    bigint  NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, position),
    UNIQUE (job_id, dataset_id)
);
CREATE INDEX sandbox_job_join_dataset ON sandbox_job_join (dataset_id);
