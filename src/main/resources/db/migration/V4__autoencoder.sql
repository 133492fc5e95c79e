-- Explanation autoencoders: one row per training; finished_at stays null until every code is written,
-- so a cancelled or killed run is never used by the models.
CREATE TABLE autoencoder (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    generator        VARCHAR(40)  NOT NULL,   -- whose explanations it was trained on (see explanation)
    model            VARCHAR(200) NOT NULL,
    vocabulary_size  INT NOT NULL,            -- including <pad> and <unk>
    epochs           INT NOT NULL,
    optimizer        VARCHAR(20) NOT NULL,
    learning_rate    DOUBLE PRECISION NOT NULL,
    batch_size       INT NOT NULL,
    train_sentences  BIGINT NOT NULL,
    test_sentences   BIGINT NOT NULL,
    final_loss       DOUBLE PRECISION,
    train_accuracy   DOUBLE PRECISION,        -- token accuracy of the reconstruction, padding excluded
    test_accuracy    DOUBLE PRECISION,
    checkpoint       VARCHAR(1000) NOT NULL,  -- relative to the project folder, e.g. models/autoencoder-1.bin
    codes_written    BIGINT NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE
);

-- The 8-dim bottleneck code of each stored explanation, per autoencoder.
CREATE TABLE explanation_code (
    autoencoder_id  BIGINT NOT NULL REFERENCES autoencoder(id),
    explanation_id  BIGINT NOT NULL REFERENCES explanation(id),
    c0 REAL NOT NULL, c1 REAL NOT NULL, c2 REAL NOT NULL, c3 REAL NOT NULL,
    c4 REAL NOT NULL, c5 REAL NOT NULL, c6 REAL NOT NULL, c7 REAL NOT NULL,
    PRIMARY KEY (autoencoder_id, explanation_id)
);
CREATE INDEX explanation_code_by_explanation ON explanation_code(explanation_id);
