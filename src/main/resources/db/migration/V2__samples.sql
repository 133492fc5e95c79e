-- Samples: one per interaction that has at least one earlier interaction of the same consumer
-- (time order, file order where there is no time). The 80/20 split per consumer is fixed here, once,
-- so the autoencoder, the recommender and every view use the same one.
CREATE TABLE sample (
    id           BIGINT PRIMARY KEY,       -- the candidate interaction's id
    consumer_id  INT NOT NULL REFERENCES consumer(id),
    product_id   INT NOT NULL REFERENCES product(id),
    rating       DOUBLE PRECISION NOT NULL,
    position     INT NOT NULL,             -- 0-based index of the candidate in the consumer's ordered interactions
    -- the (up to) 5 products before the candidate, oldest to newest, left-padded with NULL:
    -- hist5 is always the product just before the candidate. No foreign keys here: each would add an index
    -- and a lookup per row (measured: half the derivation time on a 200k world); the job writes only ids it read.
    hist1        INT,
    hist2        INT,
    hist3        INT,
    hist4        INT,
    hist5        INT NOT NULL,
    split        VARCHAR(5) NOT NULL CHECK (split IN ('train', 'test'))
);
CREATE INDEX sample_by_consumer ON sample(consumer_id, position);
CREATE INDEX sample_by_product ON sample(product_id);
CREATE INDEX sample_by_split ON sample(split);
