-- Precomputed figures for the views at scale (issue 5: every view opens in under a second on 1,000,000
-- interactions and 2,000,000 explanations). Written in the same transaction as the rows they summarise
-- (store.DatasetWriter, SampleRepository.Writer, ExplanationRepository.save); filled here once for projects
-- created before V7.

-- Row counts of the dataset: 'consumers', 'products', 'interactions', 'samples'.
CREATE TABLE dataset_count (
    name  VARCHAR(20) PRIMARY KEY,
    n     BIGINT NOT NULL
);
INSERT INTO dataset_count (name, n)
    SELECT 'consumers', COUNT(*) FROM consumer UNION ALL
    SELECT 'products', COUNT(*) FROM product UNION ALL
    SELECT 'interactions', COUNT(*) FROM interaction UNION ALL
    SELECT 'samples', COUNT(*) FROM sample;

-- The rating histogram of the Dataset view.
CREATE TABLE rating_count (
    rating  DOUBLE PRECISION PRIMARY KEY,
    n       BIGINT NOT NULL
);
INSERT INTO rating_count (rating, n) SELECT rating, COUNT(*) FROM interaction GROUP BY rating;

-- Interactions and rating sum per product: the products table shows count and mean without aggregating
-- thousands of interactions per row.
CREATE TABLE product_activity (
    product_id   INT PRIMARY KEY REFERENCES product(id),
    interactions BIGINT NOT NULL,
    rating_sum   DOUBLE PRECISION NOT NULL
);
INSERT INTO product_activity (product_id, interactions, rating_sum)
    SELECT product_id, COUNT(*), SUM(rating) FROM interaction GROUP BY product_id;

-- Explanations per source, variant, side and status: the explorer's totals without counting millions of rows.
CREATE TABLE explanation_count (
    generator  VARCHAR(40)  NOT NULL,
    model      VARCHAR(200) NOT NULL,
    variant    VARCHAR(30)  NOT NULL,
    side       VARCHAR(10)  NOT NULL,
    status     VARCHAR(10)  NOT NULL,
    n          BIGINT       NOT NULL,
    PRIMARY KEY (generator, model, variant, side, status)
);
INSERT INTO explanation_count (generator, model, variant, side, status, n)
    SELECT generator, model, variant, side, status, COUNT(*) FROM explanation
    GROUP BY generator, model, variant, side, status;

-- A rare status (failed, rejected) is read through this index in id order instead of scanning every row.
CREATE INDEX explanation_by_status ON explanation(status, id);
