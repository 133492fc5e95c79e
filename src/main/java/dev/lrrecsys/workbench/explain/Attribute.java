package dev.lrrecsys.workbench.explain;

/** One name/value fact about a product or consumer, as imported (e.g. cuisine=Mexican, price=low). */
public record Attribute(String name, String value) {
}
