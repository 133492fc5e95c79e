-- Reasoning pool (issue 12, RELAND): an explanation row is either written by its generator for this sample
-- ('generated') or reused from the most similar seed sample ('retrieved'): then seed_sample_id names the
-- seed sample whose pair was copied and similarity is the cosine similarity of the two samples' vectors.
-- Models read both kinds alike (status = 'ok'); the Explanations view shows and filters by them.
ALTER TABLE explanation ADD COLUMN source VARCHAR(10) DEFAULT 'generated' NOT NULL;
ALTER TABLE explanation ADD COLUMN seed_sample_id BIGINT;
ALTER TABLE explanation ADD COLUMN similarity DOUBLE PRECISION;

-- Batch files (issue 12, point 3): a random key per project, written into every custom_id of an exported
-- batch file, so that answers meant for another project are recognised on import.
CREATE TABLE batch_key (
    id          INT PRIMARY KEY CHECK (id = 1),
    project_key VARCHAR(32) NOT NULL
);
