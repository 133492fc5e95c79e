-- Prompt templates per domain and kind, versioned: the defaults ship as resources and are stored here on
-- first use; a user edit saves a new version, and every explanation records the version it was made with.
CREATE TABLE prompt_template (
    domain      VARCHAR(20) NOT NULL,   -- restaurant | hotel | movie | product
    kind        VARCHAR(40) NOT NULL,   -- profile | positive | negative | positive-only | general | aspects | history-summary | direct-rating
    version     INT NOT NULL,
    text        CLOB NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (domain, kind, version)
);

-- One generated sentence per (sample, variant, side, generator, model); models read status = 'ok' only.
CREATE TABLE explanation (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    sample_id         BIGINT NOT NULL REFERENCES sample(id),
    variant           VARCHAR(30) NOT NULL,  -- contrastive | positive-only | general | aspects | history-summary | direct-rating
    side              VARCHAR(10) NOT NULL,  -- positive | negative | general | aspects | summary | rating
    generator         VARCHAR(40) NOT NULL,  -- offline | ollama | openai-compatible
    model             VARCHAR(200) NOT NULL, -- 'offline reasoner (no LLM)' for the offline generator
    template_version  INT,                   -- null for the offline reasoner, which uses no prompt template
    prompt_hash       VARCHAR(64),           -- SHA-256 (hex) of the exact prompt (offline: of the reasoner's input)
    status            VARCHAR(10) NOT NULL CHECK (status IN ('ok', 'rejected', 'failed')),
    text              VARCHAR(2000),
    reason            VARCHAR(1000),         -- why rejected or failed
    created_at        TIMESTAMP WITH TIME ZONE,
    UNIQUE (sample_id, variant, side, generator, model)
);

-- Answers by prompt: a prompt answered by the same generator and model is never sent again. The hash covers
-- the whole prompt text, template included, so a new template version is a new key.
CREATE TABLE prompt_cache (
    prompt_hash       VARCHAR(64) NOT NULL,
    generator         VARCHAR(40) NOT NULL,
    model             VARCHAR(200) NOT NULL,
    template_version  INT,
    status            VARCHAR(10) NOT NULL CHECK (status IN ('ok', 'rejected')),
    text              VARCHAR(2000),
    reason            VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (prompt_hash, generator, model)
);

-- Product profiles written by profile augmentation, per generator and model (the prompts of that generator
-- use them when a run asks for profiles).
CREATE TABLE product_profile (
    product_id        INT NOT NULL REFERENCES product(id),
    generator         VARCHAR(40) NOT NULL,
    model             VARCHAR(200) NOT NULL,
    template_version  INT,
    prompt_hash       VARCHAR(64),
    status            VARCHAR(10) NOT NULL CHECK (status IN ('ok', 'rejected', 'failed')),
    text              VARCHAR(4000),
    reason            VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (product_id, generator, model)
);

-- One row per generation run, whatever its outcome, for `lrw info` and the UI.
CREATE TABLE generation_run (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    generator   VARCHAR(40) NOT NULL,
    model       VARCHAR(200) NOT NULL,
    variant     VARCHAR(30) NOT NULL,
    outcome     VARCHAR(20) NOT NULL,   -- running | finished | cancelled | failed
    ok          BIGINT NOT NULL DEFAULT 0,
    cached      BIGINT NOT NULL DEFAULT 0,
    rejected    BIGINT NOT NULL DEFAULT 0,
    failed      BIGINT NOT NULL DEFAULT 0,
    seconds     DOUBLE PRECISION
);
