package dev.servelab.plugins.traceprofile;

import java.util.Arrays;

/**
 * Arrival-time statistics of a trace in one pass: span, requests per minute (minutes counted from the
 * first request), the coefficient of variation of inter-arrival gaps, and the "local" CV of gaps
 * measured against each minute's own rate (the burstiness left once the rate profile is known).
 */
public final class ArrivalCounter {
    static final long MINUTE_NANOS = 60_000_000_000L;
    private int[] perMinute = new int[64];
    private double[] gapSum = new double[64];
    private double[] gapSquares = new double[64];
    private long count;
    private long first = -1;
    private long last;
    private double gapTotal;
    private double gapTotalSquares;

    public void add(long arrivalNanos) {
        int minute = (int) ((arrivalNanos - Math.max(first, 0)) / MINUTE_NANOS);
        if (first < 0) {
            first = arrivalNanos;
            minute = 0;
        }
        grow(minute);
        if (count > 0) {
            double gap = (arrivalNanos - last) / 1e9;
            gapTotal += gap;
            gapTotalSquares += gap * gap;
            gapSum[minute] += gap;
            gapSquares[minute] += gap * gap;
        }
        last = arrivalNanos;
        count++;
        perMinute[minute]++;
    }

    private void grow(int minute) {
        if (minute < perMinute.length) return;
        int n = Math.max(minute + 1, perMinute.length * 2);
        perMinute = Arrays.copyOf(perMinute, n);
        gapSum = Arrays.copyOf(gapSum, n);
        gapSquares = Arrays.copyOf(gapSquares, n);
    }

    public long count() {
        return count;
    }

    /** Time from the first to the last arrival, seconds. */
    public double durationS() {
        return count == 0 ? 0 : (last - first) / 1e9;
    }

    /** Requests over the span; 0 for fewer than two requests. */
    public double meanRatePerS() {
        double d = durationS();
        return d > 0 ? count / d : 0;
    }

    /** Coefficient of variation of all inter-arrival gaps (1 for Poisson). */
    public double gapCv() {
        return cv(count - 1, gapTotal, gapTotalSquares);
    }

    /** CV of gaps each multiplied by the rate of the minute it ends in (unit mean gap per minute). */
    public double localGapCv() {
        long n = 0;
        double sum = 0;
        double squares = 0;
        double[] rates = ratesPerMinute();
        for (int m = 0; m < rates.length; m++) {
            double rate = rates[m];
            sum += gapSum[m] * rate;
            squares += gapSquares[m] * rate * rate;
        }
        n = count - 1;
        return cv(n, sum, squares);
    }

    private static double cv(long n, double sum, double squares) {
        if (n < 2 || sum == 0) return 0;
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean)) / mean;
    }

    /** Each minute's requests over its length (the last minute ends at the last request). */
    public double[] ratesPerMinute() {
        int[] minutes = perMinute();
        double[] rates = new double[minutes.length];
        for (int m = 0; m < minutes.length; m++) {
            double length = m + 1 < minutes.length ? 60 : Math.max(1e-3, durationS() - 60.0 * m);
            rates[m] = minutes[m] / length;
        }
        return rates;
    }

    /** Requests in each minute from the first request to the last. */
    public int[] perMinute() {
        return count == 0 ? new int[0] : Arrays.copyOf(perMinute, (int) ((last - first) / MINUTE_NANOS) + 1);
    }

    /** The busiest minute: its index from the first request and its request count. */
    public int[] peakMinute() {
        int[] minutes = perMinute();
        int best = 0;
        for (int m = 1; m < minutes.length; m++) if (minutes[m] > minutes[best]) best = m;
        return new int[]{best, minutes.length == 0 ? 0 : minutes[best]};
    }
}
