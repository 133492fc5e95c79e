package dev.lrrecsys.workbench.explain;

import java.util.List;

/**
 * What generators may know about a product: its name, attributes and (after profile augmentation) its
 * profile, or null.
 */
public record ProductFacts(int id, String name, List<Attribute> attributes, String profile) {

    public ProductFacts withProfile(String newProfile) {
        return new ProductFacts(id, name, attributes, newProfile);
    }
}
