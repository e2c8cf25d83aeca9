package cn.jixiao.bench;

import java.util.Arrays;
import java.util.List;

/** Median and percentiles (nearest rank) of measured values. */
final class BenchStats {

    private BenchStats() {}

    static double median(List<Double> values) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (p == 50 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double round(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double f = Math.pow(10, places);
        return Math.round(value * f) / f;
    }
}
