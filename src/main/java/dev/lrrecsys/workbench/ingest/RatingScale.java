package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.DatasetInfo;

/** The rating scale of an import and the rating from which one counts as "high". */
record RatingScale(double min, double max, double highThreshold) {

    RatingScale {
        if (!(min < max)) {
            throw new WorkbenchException("the rating scale " + format(min) + ".." + format(max) + " is empty: the minimum must be below the maximum");
        }
        if (highThreshold < min || highThreshold > max) {
            throw new WorkbenchException("the high threshold " + format(highThreshold) + " is outside the rating scale "
                    + format(min) + ".." + format(max));
        }
    }

    /** The scale with the default threshold (the top 40%). */
    static RatingScale of(double min, double max) {
        return new RatingScale(min, max, DatasetInfo.defaultHighThreshold(min, max));
    }

    /** This scale with the user's overrides applied; nulls keep the format's values. */
    RatingScale override(Double newMin, Double newMax, Double newHigh) {
        double lo = newMin == null ? min : newMin;
        double hi = newMax == null ? max : newMax;
        if (newHigh != null) {
            return new RatingScale(lo, hi, newHigh);
        }
        return newMin == null && newMax == null ? this : of(lo, hi);
    }

    boolean contains(double rating) {
        return rating >= min && rating <= max;
    }

    String describe() {
        return format(min) + ".." + format(max);
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
