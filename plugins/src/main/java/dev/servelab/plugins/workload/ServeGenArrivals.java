package dev.servelab.plugins.workload;

import org.apache.commons.math3.special.Gamma;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A ServeGen client's arrivals over {@code [startS, endS)}: a renewal process whose gaps come from the
 * fitted inter-arrival distribution of the window they start in (its published shape, scaled to mean
 * 1), run in "operational time" that passes at the window's rate (times {@code rateScale}) and stops
 * in idle windows. A gap that crosses a window boundary carries over, so short, sparse windows get
 * exactly their published rate instead of the extra arrivals a fresh bursty process would start with.
 *
 * <p>The published scales are not used because they do not add up to the published rates: over the
 * DeepSeek-R1 data the Gamma rows' own scales imply 16.5 req/s where their rate column says 11.9 (a
 * few windows are far off, though the median error is 1 %), and the Weibull scales are off by a
 * median 16 % (see the data's SOURCE.md).
 */
final class ServeGenArrivals {
    private final List<ServeGenWindow> windows;
    private final double endS;
    private final double rateScale;
    private final RandomGenerator rng;
    private int w;
    private double tS;

    ServeGenArrivals(List<ServeGenWindow> windows, double startS, double endS, double rateScale, RandomGenerator rng) {
        this.windows = windows;
        this.endS = endS;
        this.rateScale = rateScale;
        this.rng = rng;
        while (w < windows.size() && windows.get(w).startS() + ServeGenWindow.LENGTH_S <= startS) w++;
        this.tS = w < windows.size() ? Math.max(startS, windows.get(w).startS()) : endS;
    }

    /** The next arrival in seconds of the day, or infinity when the range is exhausted. */
    double next() {
        double units = -1;
        while (w < windows.size() && tS < endS) {
            ServeGenWindow win = windows.get(w);
            double windowEnd = Math.min(endS, win.startS() + ServeGenWindow.LENGTH_S);
            if (win.active()) {
                if (units < 0) units = unitGap(win);
                double rate = win.ratePerS() * rateScale;
                double left = (windowEnd - tS) * rate;
                if (units < left) {
                    tS += units / rate;
                    return tS;
                }
                units -= left;
            }
            w++;
            tS = windowEnd;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** A gap in units of the mean gap, with the window's fitted shape. */
    private double unitGap(ServeGenWindow win) {
        if (win.pattern().equalsIgnoreCase("Gamma") && win.shape() > 0) {
            return new GammaSampler(1, 1 / Math.sqrt(win.shape())).sample(rng);
        }
        if (win.pattern().equalsIgnoreCase("Weibull") && win.shape() > 0) {
            double scale = 1 / Gamma.gamma(1 + 1 / win.shape());
            return scale * Math.pow(-Math.log(1 - rng.nextDouble()), 1 / win.shape());
        }
        return new GammaSampler(1, win.cv() > 0 ? win.cv() : 1).sample(rng);
    }
}
