-- Alignment scores (ExpCTR, adapted; docs/alignment.md). One probe per scoring of one explanation source
-- (generator, model, contrastive variant): finished_at stays null until every score is written, so an
-- interrupted scoring is never read (and is removed by the next one).
CREATE TABLE alignment_probe (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    generator              VARCHAR(40)  NOT NULL,
    model                  VARCHAR(200) NOT NULL,
    variant                VARCHAR(30)  NOT NULL,
    vocabulary_size        INT NOT NULL,
    train_samples          BIGINT NOT NULL,      -- training-split samples the probes were fitted on
    validation_samples     BIGINT NOT NULL,      -- held out for the probe's penalty and the ID model's early stopping
    train_mean             DOUBLE PRECISION NOT NULL, -- mean scaled rating of the fitted samples
    l2                     DOUBLE PRECISION NOT NULL, -- the text probe's penalty, chosen on validation
    probe_validation_rmse  DOUBLE PRECISION,
    id_validation_rmse     DOUBLE PRECISION,
    id_epochs              INT,
    weights                CLOB NOT NULL,        -- the text probe (vocabulary and weights), read by best-of-N
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at            TIMESTAMP WITH TIME ZONE
);

-- LC and IC of each sample's explanation pair under one probe; predictions on the [0,1] rating scale.
CREATE TABLE alignment_score (
    probe_id          BIGINT NOT NULL REFERENCES alignment_probe(id),
    sample_id         BIGINT NOT NULL REFERENCES sample(id),
    probe_prediction  REAL NOT NULL,   -- what the pair alone predicts
    id_prediction     REAL NOT NULL,   -- what the ID-only model predicts
    lc                REAL NOT NULL,
    ic                REAL NOT NULL,
    PRIMARY KEY (probe_id, sample_id)
);
CREATE INDEX alignment_score_by_sample ON alignment_score(sample_id);

-- Best-of-N: every candidate asked for, per sample and side; the chosen one is also the explanation row's
-- text, the others are kept here as rejected with the reason (models never read this table).
CREATE TABLE explanation_candidate (
    sample_id   BIGINT NOT NULL REFERENCES sample(id),
    variant     VARCHAR(30)  NOT NULL,
    side        VARCHAR(10)  NOT NULL,
    generator   VARCHAR(40)  NOT NULL,
    model       VARCHAR(200) NOT NULL,
    candidate   INT NOT NULL,            -- 0 = the first generation's answer (or the reasoner's own order)
    candidates  INT NOT NULL,            -- N of the run that asked
    status      VARCHAR(10) NOT NULL CHECK (status IN ('chosen', 'rejected', 'failed')),
    text        VARCHAR(2000),
    score       REAL,                    -- LC + IC of the best pair this candidate is part of
    reason      VARCHAR(1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (sample_id, variant, side, generator, model, candidate)
);
