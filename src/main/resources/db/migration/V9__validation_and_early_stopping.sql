-- Early stopping (issue "Honest gains"): the share of each consumer's training samples held out for validation
-- and the patience, stored so that a resumed experiment trains its remaining runs the same way. Experiments
-- stored before had neither (0: all training samples trained on, every epoch run). A run's epochs column holds
-- the epochs it used once it is done.
ALTER TABLE experiment ADD COLUMN validation_fraction DOUBLE PRECISION DEFAULT 0 NOT NULL;
ALTER TABLE experiment ADD COLUMN patience INT DEFAULT 0 NOT NULL;
