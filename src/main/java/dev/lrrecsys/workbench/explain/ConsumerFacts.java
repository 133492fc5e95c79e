package dev.lrrecsys.workbench.explain;

import java.util.List;

/** What generators may know about a consumer: its attributes (empty where the dataset has none). */
public record ConsumerFacts(int id, List<Attribute> attributes) {
}
