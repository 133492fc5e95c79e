-- The seller's "share vs peers" ranking reads, for each term of one product, that term's counts at the product's
-- peers (same city or category): an index by term lets it read those rows instead of every product's.
CREATE INDEX keyword_count_by_term ON keyword_count(generator, model, side, term);
