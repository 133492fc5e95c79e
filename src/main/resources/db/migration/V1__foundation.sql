-- The dataset of the project: one per project (row id 1), written by the import or the synthetic generator.
CREATE TABLE dataset (
    id              INT PRIMARY KEY CHECK (id = 1),
    name            VARCHAR(200)  NOT NULL,
    format          VARCHAR(40)   NOT NULL,
    domain          VARCHAR(20)   NOT NULL,  -- restaurant | hotel | movie | product: chooses prompt wording
    source          VARCHAR(4000) NOT NULL,  -- the imported paths, for the record
    rating_min      DOUBLE PRECISION NOT NULL,
    rating_max      DOUBLE PRECISION NOT NULL,
    high_threshold  DOUBLE PRECISION NOT NULL, -- rating >= this counts as "high" for classification
    has_time        BOOLEAN       NOT NULL,  -- false: histories follow file order
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE consumer (
    id           INT PRIMARY KEY,
    external_id  VARCHAR(200) NOT NULL UNIQUE
);

CREATE TABLE consumer_attribute (
    consumer_id  INT NOT NULL REFERENCES consumer(id),
    name         VARCHAR(100) NOT NULL,
    val          VARCHAR(1000) NOT NULL
);
CREATE INDEX consumer_attribute_by_consumer ON consumer_attribute(consumer_id);

CREATE TABLE product (
    id           INT PRIMARY KEY,
    external_id  VARCHAR(200) NOT NULL UNIQUE,
    name         VARCHAR(1000) NOT NULL,
    city         VARCHAR(200),
    profile      VARCHAR(4000)  -- written by profile augmentation (explain), null until then
);

-- Multi-valued: a restaurant may have several cuisines, a movie several genres.
CREATE TABLE product_attribute (
    product_id   INT NOT NULL REFERENCES product(id),
    name         VARCHAR(100) NOT NULL,
    val          VARCHAR(1000) NOT NULL
);
CREATE INDEX product_attribute_by_product ON product_attribute(product_id);

CREATE TABLE interaction (
    id           BIGINT PRIMARY KEY,          -- also the file order: histories without time follow it
    consumer_id  INT NOT NULL REFERENCES consumer(id),
    product_id   INT NOT NULL REFERENCES product(id),
    rating       DOUBLE PRECISION NOT NULL,
    ts           BIGINT,                       -- epoch seconds, null when the source has no time
    details      VARCHAR(1000)                 -- sub-ratings etc. as key=value;key=value
);
CREATE INDEX interaction_by_consumer ON interaction(consumer_id, ts, id);
CREATE INDEX interaction_by_product ON interaction(product_id);

-- What drives each synthetic consumer (written by the synthetic world generator only).
CREATE TABLE ground_truth (
    consumer_id  INT NOT NULL REFERENCES consumer(id),
    attribute    VARCHAR(100) NOT NULL,
    val          VARCHAR(1000) NOT NULL,
    weight       DOUBLE PRECISION NOT NULL
);
CREATE INDEX ground_truth_by_consumer ON ground_truth(consumer_id);

-- One row per import, whatever its outcome was, for `lrw info` and the UI.
CREATE TABLE import_log (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    at                TIMESTAMP WITH TIME ZONE NOT NULL,
    format            VARCHAR(40) NOT NULL,
    paths             VARCHAR(4000) NOT NULL,
    rows_imported     BIGINT NOT NULL,
    rows_rejected     BIGINT NOT NULL,
    products_skipped  BIGINT NOT NULL,
    note              VARCHAR(4000)
);
