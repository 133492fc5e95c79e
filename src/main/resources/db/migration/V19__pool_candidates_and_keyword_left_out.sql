-- Ranking candidates from the reasoning pool (issue 12): a candidate set of source 'pool' retrieves each
-- candidate's pair from the nearest seed sample (from_sample_id); similarity is the cosine similarity of the
-- candidate's (consumer, candidate, history) vector and that seed's, null for the other sources.
ALTER TABLE ranking_candidate ADD COLUMN similarity DOUBLE PRECISION;

-- Keywords of a pool-generated project (issue 12): a retrieved explanation was written about its seed sample's
-- candidate, which can be another product. Such rows are not counted for the product; left_out says how many
-- of the product's explanations on that side were left out for that reason.
ALTER TABLE keyword_product ADD COLUMN left_out INT DEFAULT 0 NOT NULL;
