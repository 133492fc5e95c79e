-- Regularisation (issue "Honest gains", point 2): the weight decay (L2) and dropout every run of an experiment
-- was trained with, so that a table says what it was trained with and `--resume` trains the rest the same way.
-- Experiments stored before had neither (0).
ALTER TABLE experiment ADD COLUMN weight_decay DOUBLE PRECISION DEFAULT 0 NOT NULL;
ALTER TABLE experiment ADD COLUMN dropout DOUBLE PRECISION DEFAULT 0 NOT NULL;
-- The same two settings of each explanation autoencoder training.
ALTER TABLE autoencoder ADD COLUMN weight_decay DOUBLE PRECISION DEFAULT 0 NOT NULL;
ALTER TABLE autoencoder ADD COLUMN dropout DOUBLE PRECISION DEFAULT 0 NOT NULL;
