-- Uncertainty over the baselines only (issue "Honest gains"), beside the paper's definition over all models:
-- the paper's variance includes LR-Recsys itself, so its slope follows which model wins on average.
-- NULL for experiments stored before this version and where fewer than two baselines ran.
ALTER TABLE sample_uncertainty ADD COLUMN uncertainty_baselines DOUBLE PRECISION;
