-- Named "what if" cases of the case workbench (issue "Case workbench"): a counterfactual edit of one sample (its
-- explanations, history or candidate) and what the chosen run predicted before and after. Edits live here only:
-- the sample, its explanations and the run's predictions are never changed by them.
CREATE TABLE what_if_case (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                VARCHAR(200)  NOT NULL UNIQUE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    sample_id           BIGINT NOT NULL REFERENCES sample(id),
    run_id              BIGINT NOT NULL REFERENCES run(id),
    positive            VARCHAR(4000) NOT NULL,   -- the positive explanation as edited (or as stored)
    negative            VARCHAR(4000) NOT NULL,
    history             VARCHAR(1000) NOT NULL,   -- history products' external ids, oldest first, comma-separated
    candidate           VARCHAR(200)  NOT NULL,   -- the candidate product's external id
    prediction          DOUBLE PRECISION NOT NULL, -- the run's prediction of the stored sample, on [0,1]
    counterfactual      DOUBLE PRECISION NOT NULL  -- its prediction of the edited sample, on [0,1]
);
