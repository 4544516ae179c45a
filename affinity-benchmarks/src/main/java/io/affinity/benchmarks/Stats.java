package io.affinity.benchmarks;

import java.util.Arrays;

/** Median, range, mean and standard deviation of a few measurements. */
record Stats(double median, double min, double max, double mean, double sd, int n) {

    static Stats of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        double squares = Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum();
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        return new Stats(median, n == 0 ? Double.NaN : sorted[0], n == 0 ? Double.NaN : sorted[n - 1], mean, sd, n);
    }

    /**
     * @param format the format of one value, e.g. {@code %,.0f}
     * @return e.g. {@code 1.23 (1.10–1.31, n=15)}: the median and the range
     */
    String spread(String format) {
        return String.format(format + " (" + format + "–" + format + ", n=%d)", median, min, max, n);
    }

    /** @return e.g. {@code 1,234 ± 56 (min 1,170, max 1,301, n=3)}: the mean and standard deviation of counts */
    String whole() {
        return String.format("%,.0f ± %,.0f (min %,.0f, max %,.0f, n=%d)", mean, sd, min, max, n);
    }

    /** @return e.g. {@code 0.989 ± 0.010 (min 0.977, max 0.997, n=3)}: the mean and standard deviation of ratios */
    String ratio() {
        return String.format("%.3f ± %.3f (min %.3f, max %.3f, n=%d)", mean, sd, min, max, n);
    }
}
