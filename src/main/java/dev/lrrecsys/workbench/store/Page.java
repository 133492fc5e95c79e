package dev.lrrecsys.workbench.store;

import java.util.List;

/** One page of a larger result: the rows shown and how many rows match in all. */
public record Page<T>(List<T> rows, long total) {
}
