-- Key factors (issue "Key factors"): one row per mask-training run, and the factors it kept, per segment value.
-- segment_attribute is null for a run over the whole dataset; segment_value is '' for the whole dataset's factors.
CREATE TABLE factor_run (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    segment_attribute  VARCHAR(100),
    penalty            DOUBLE PRECISION NOT NULL,  -- the L1 weight on the gates, chosen on validation
    candidates         INT NOT NULL,               -- candidate factors the gates chose from
    train_samples      INT NOT NULL,
    validation_samples INT NOT NULL,
    validation_rmse    DOUBLE PRECISION NOT NULL,  -- the gated model with only the key factors on
    baseline_rmse      DOUBLE PRECISION NOT NULL   -- the same model with no factor on (mean rating)
);

CREATE TABLE key_factor (
    run_id         BIGINT NOT NULL REFERENCES factor_run(id) ON DELETE CASCADE,
    segment_value  VARCHAR(1000) NOT NULL,
    factor_key     VARCHAR(2000) NOT NULL,  -- kind|... in canonical spelling, the factor's identity
    kind           VARCHAR(20) NOT NULL,    -- value | trait | fit | clash | history-fit | history-clash
    attribute      VARCHAR(100),            -- the product attribute it names (null for a trait)
    val            VARCHAR(1000),           -- its canonical value key
    label          VARCHAR(1000) NOT NULL,  -- how views and sentences name it
    gate           DOUBLE PRECISION NOT NULL,
    effect         DOUBLE PRECISION NOT NULL, -- stars added when the factor is on (sign: for or against)
    samples        INT NOT NULL,            -- training samples where it is on
    rank_in_segment INT NOT NULL,
    PRIMARY KEY (run_id, segment_value, factor_key)
);
