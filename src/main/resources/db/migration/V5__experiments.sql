-- Experiments (one `lrw experiment` invocation) and their runs (one model trained once with one seed on one
-- training fraction), with everything the analyses read back: curves, test predictions, attention weights,
-- per-sample uncertainty and gain. Written by the evaluate package.
CREATE TABLE experiment (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    task             VARCHAR(20)   NOT NULL,   -- regression | classification
    models           VARCHAR(400)  NOT NULL,   -- comma-separated model ids, in table order
    repeats          INT           NOT NULL,
    epochs           INT           NOT NULL,
    batch_size       INT           NOT NULL,
    learning_rate    DOUBLE PRECISION NOT NULL,
    seed             BIGINT        NOT NULL,
    train_fractions  VARCHAR(200)  NOT NULL,   -- e.g. 0.12,0.25,0.5,1.0
    generator        VARCHAR(40)   NOT NULL,   -- whose explanations fed the models
    generator_model  VARCHAR(200)  NOT NULL,
    train_samples    INT           NOT NULL,
    test_samples     INT           NOT NULL,
    excluded_samples INT           NOT NULL,   -- samples without an explanation pair, left out for every model
    backend          VARCHAR(200)  NOT NULL,   -- ND4J backend, e.g. CpuBackend
    device           VARCHAR(400)  NOT NULL,   -- CPU model name or GPU name
    status           VARCHAR(12)   NOT NULL    -- running | done | cancelled | failed
);

CREATE TABLE run (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    experiment_id   BIGINT NOT NULL REFERENCES experiment(id),
    model           VARCHAR(40) NOT NULL,
    repeat_no       INT NOT NULL,
    seed            BIGINT NOT NULL,
    train_fraction  DOUBLE PRECISION NOT NULL,
    epochs          INT NOT NULL,
    status          VARCHAR(12) NOT NULL,     -- running | done | cancelled | failed
    rmse            DOUBLE PRECISION,         -- on [0,1]
    mae             DOUBLE PRECISION,
    rmse_orig       DOUBLE PRECISION,         -- on the dataset's rating scale
    mae_orig        DOUBLE PRECISION,
    auc             DOUBLE PRECISION,
    seconds         DOUBLE PRECISION,
    checkpoint      VARCHAR(1000),            -- path relative to the project folder
    message         VARCHAR(1000),
    UNIQUE (experiment_id, model, repeat_no, train_fraction)
);
CREATE INDEX run_by_experiment ON run(experiment_id);

CREATE TABLE training_curve (
    run_id      BIGINT NOT NULL REFERENCES run(id),
    epoch       INT NOT NULL,
    loss        DOUBLE PRECISION NOT NULL,
    val_metric  DOUBLE PRECISION,             -- RMSE (regression) or AUC (classification) on the test split
    PRIMARY KEY (run_id, epoch)
);

CREATE TABLE prediction (
    run_id     BIGINT NOT NULL REFERENCES run(id),
    sample_id  BIGINT NOT NULL REFERENCES sample(id),
    val        REAL NOT NULL,                 -- prediction in [0,1]
    PRIMARY KEY (run_id, sample_id)
);

-- The 6x6 attention weights of attention models, tokens [pos, neg, consumer, product, sequence, context].
CREATE TABLE attention (
    run_id     BIGINT NOT NULL REFERENCES run(id),
    sample_id  BIGINT NOT NULL REFERENCES sample(id),
    w          VARBINARY(144) NOT NULL,       -- 36 big-endian IEEE floats, row-major
    alpha_pos  REAL NOT NULL,                 -- Eq. 24: mean over rows of column pos
    alpha_neg  REAL NOT NULL,
    PRIMARY KEY (run_id, sample_id)
);

CREATE TABLE sample_uncertainty (
    experiment_id   BIGINT NOT NULL REFERENCES experiment(id),
    train_fraction  DOUBLE PRECISION NOT NULL,
    sample_id       BIGINT NOT NULL REFERENCES sample(id),
    uncertainty     DOUBLE PRECISION NOT NULL,  -- variance across models, min-max normalised to [0,1]
    gain            DOUBLE PRECISION NOT NULL,  -- squared error of the best baseline minus that of LR-Recsys
    PRIMARY KEY (experiment_id, train_fraction, sample_id)
);

-- all-MiniLM-L6-v2 sentence embeddings of explanations (ablation 2), cached; text_hash spots rewritten text.
CREATE TABLE sentence_embedding (
    explanation_id  BIGINT PRIMARY KEY,
    text_hash       VARCHAR(64) NOT NULL,
    dim             INT NOT NULL,
    vec             VARBINARY(4096) NOT NULL  -- dim big-endian IEEE floats
);
