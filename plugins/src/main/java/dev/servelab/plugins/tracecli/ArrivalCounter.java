package dev.servelab.plugins.tracecli;

import java.util.Arrays;

/**
 * Arrival-time statistics of a trace in one pass: span, requests per minute (minutes counted from the
 * first request), and the mean and coefficient of variation of inter-arrival gaps (Welford).
 */
public final class ArrivalCounter {
    private static final long MINUTE_NANOS = 60_000_000_000L;
    private int[] perMinute = new int[64];
    private long count;
    private long first = -1;
    private long last;
    private double gapMean;
    private double gapM2;

    public void add(long arrivalNanos) {
        if (first < 0) {
            first = arrivalNanos;
        } else {
            double gap = (arrivalNanos - last) / 1e9;
            long n = count;
            double delta = gap - gapMean;
            gapMean += delta / n;
            gapM2 += delta * (gap - gapMean);
        }
        last = arrivalNanos;
        count++;
        int minute = (int) ((arrivalNanos - first) / MINUTE_NANOS);
        if (minute >= perMinute.length) perMinute = Arrays.copyOf(perMinute, Math.max(minute + 1, perMinute.length * 2));
        perMinute[minute]++;
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

    public double gapCv() {
        return count < 3 || gapMean == 0 ? 0 : Math.sqrt(gapM2 / (count - 1)) / gapMean;
    }

    /** The busiest minute: its index from the first request and its request count. */
    public int[] peakMinute() {
        int best = 0;
        int minutes = (int) ((last - first) / MINUTE_NANOS) + 1;
        for (int m = 1; m < minutes; m++) if (perMinute[m] > perMinute[best]) best = m;
        return new int[]{best, count == 0 ? 0 : perMinute[best]};
    }
}
