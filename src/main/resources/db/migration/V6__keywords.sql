-- Keyword precompute for the seller's view (issue 5): counts of single words and two-word phrases in the
-- 'ok' contrastive explanations, per generator/model, product and side. Written by insight.KeywordIndexJob
-- after generation, so one restaurant's keywords are an index lookup instead of a scan of all explanations.
CREATE TABLE keyword_source (
    generator     VARCHAR(40)  NOT NULL,
    model         VARCHAR(200) NOT NULL,
    explanations  BIGINT       NOT NULL,   -- how many explanations the index was built from (staleness check)
    built_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (generator, model)
);

-- Per product and side: how many explanations and how many terms they gave (denominators for rates).
CREATE TABLE keyword_product (
    generator     VARCHAR(40)  NOT NULL,
    model         VARCHAR(200) NOT NULL,
    product_id    INT          NOT NULL REFERENCES product(id),
    side          VARCHAR(10)  NOT NULL,
    explanations  INT          NOT NULL,
    terms         BIGINT       NOT NULL,
    PRIMARY KEY (generator, model, product_id, side)
);

CREATE TABLE keyword_count (
    generator     VARCHAR(40)  NOT NULL,
    model         VARCHAR(200) NOT NULL,
    product_id    INT          NOT NULL REFERENCES product(id),
    side          VARCHAR(10)  NOT NULL,
    term          VARCHAR(200) NOT NULL,
    n             INT          NOT NULL,
    PRIMARY KEY (generator, model, product_id, side, term)
);

-- Corpus totals per term and side over all products: the background for the distinctiveness ranking.
CREATE TABLE keyword_total (
    generator     VARCHAR(40)  NOT NULL,
    model         VARCHAR(200) NOT NULL,
    side          VARCHAR(10)  NOT NULL,
    term          VARCHAR(200) NOT NULL,
    n             BIGINT       NOT NULL,
    PRIMARY KEY (generator, model, side, term)
);
