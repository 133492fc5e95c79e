package dev.lrrecsys.workbench.explain;

import java.util.List;

/**
 * Everything a generator gets for one sample: the consumer, the history products (oldest first) and the
 * candidate. It has no rating on purpose: explanations are written for every sample whatever its rating, so
 * they cannot leak the label, and no generator can read it.
 */
public record SampleContext(long sampleId, Domain domain, ConsumerFacts consumer, List<ProductFacts> history,
                            ProductFacts candidate) {
}
