-- Ranking (issue 12 point 4): each high-rated test sample is ranked against products its consumer never
-- interacted with. A candidate set holds, for one explanation generator and model, one autoencoder, one
-- sampling seed and one explanation source, the sampled products of every ranked test sample with the
-- autoencoder codes of their explanation pairs, so reruns and resumed experiments score the same candidates
-- without generating or encoding again. status stays 'building' until every ranked sample's candidates are
-- written; a resumed build adds the samples still missing (each sample's rows are written in one transaction).
CREATE TABLE ranking_candidate_set (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    generator          VARCHAR(40)  NOT NULL,   -- whose explanations the models read (experiment.generator)
    generator_model    VARCHAR(200) NOT NULL,
    autoencoder_id     BIGINT       NOT NULL,   -- the codes are this autoencoder's
    seed               BIGINT       NOT NULL,   -- the sampling seed (the experiment's seed)
    negatives          INT          NOT NULL,   -- sampled products per ranked sample (99)
    source             VARCHAR(40)  NOT NULL,   -- generated | nearest: where the candidates' explanations come from
    written_by         VARCHAR(200) NOT NULL,   -- who wrote them, e.g. 'offline reasoner (no LLM)'
    ranked_samples     INT          NOT NULL,   -- high-rated test samples with candidates
    skipped_consumers  INT          NOT NULL,   -- consumers with too few never-interacted products
    skipped_samples    INT          NOT NULL,   -- their high-rated test samples
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    status             VARCHAR(12)  NOT NULL    -- building | done
);

-- One sampled product of one ranked test sample (position 1..negatives; the test sample itself is position 0
-- and keeps its own stored codes). The history is the test sample's.
CREATE TABLE ranking_candidate (
    set_id          BIGINT NOT NULL REFERENCES ranking_candidate_set(id),
    sample_id       BIGINT NOT NULL REFERENCES sample(id),
    position        INT    NOT NULL,
    product_id      INT    NOT NULL,
    from_sample_id  BIGINT,                    -- source nearest: the stored sample whose pair is reused
    p0 REAL NOT NULL, p1 REAL NOT NULL, p2 REAL NOT NULL, p3 REAL NOT NULL,
    p4 REAL NOT NULL, p5 REAL NOT NULL, p6 REAL NOT NULL, p7 REAL NOT NULL,
    n0 REAL NOT NULL, n1 REAL NOT NULL, n2 REAL NOT NULL, n3 REAL NOT NULL,
    n4 REAL NOT NULL, n5 REAL NOT NULL, n6 REAL NOT NULL, n7 REAL NOT NULL,
    PRIMARY KEY (set_id, sample_id, position)
);

-- HR@K and NDCG@K of one finished run of a ranking experiment (its rmse..auc columns stay null).
CREATE TABLE run_ranking_metric (
    run_id  BIGINT NOT NULL REFERENCES run(id),
    metric  VARCHAR(20) NOT NULL,              -- HR@5, HR@10, HR@20, NDCG@5, NDCG@10, NDCG@20
    val     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, metric)
);
