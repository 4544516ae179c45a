package io.affinity.benchmarks;

import java.util.Arrays;

/** Mean, standard deviation and range of a few measurements. */
record Stats(double mean, double sd, double min, double max, int n) {

    static Stats of(double[] values) {
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        return new Stats(
                mean,
                sd,
                Arrays.stream(values).min().orElse(Double.NaN),
                Arrays.stream(values).max().orElse(Double.NaN),
                values.length);
    }

    /** @return e.g. {@code 123,456 ± 2,345 (min 120,000, max 126,000, n=10)} with whole numbers */
    String whole() {
        return String.format("%,.0f ± %,.0f (min %,.0f, max %,.0f, n=%d)", mean, sd, min, max, n);
    }

    /** @return e.g. {@code 0.981 ± 0.020 (min 0.95, max 1.01, n=10)} */
    String ratio() {
        return String.format("%.3f ± %.3f (min %.3f, max %.3f, n=%d)", mean, sd, min, max, n);
    }
}
