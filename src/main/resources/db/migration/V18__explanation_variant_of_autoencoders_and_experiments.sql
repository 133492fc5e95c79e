-- Which explanation variant (explanation.variant: 'contrastive', 'concise') an autoencoder was trained on and an
-- experiment read: the concise pairs of issue 11 get their own codes, and an experiment loads the codes of its own
-- variant. Every row stored before this migration was contrastive, the only variant they could read.
ALTER TABLE autoencoder ADD COLUMN variant VARCHAR(40) NOT NULL DEFAULT 'contrastive';
ALTER TABLE experiment ADD COLUMN variant VARCHAR(40) NOT NULL DEFAULT 'contrastive';
