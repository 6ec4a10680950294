package dev.servelab.hw.perf.profile;

import dev.servelab.hw.perf.roofline.Efficiency;
import dev.servelab.hw.perf.roofline.Roofline;
import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits the five parameters of one {@link Efficiency} curve to measured kernels by
 * Levenberg-Marquardt (commons-math3) on relative error: each residual is
 * {@code log(predicted / measured)}, so a 0.03 ms kernel weighs as much as a 12 ms one. All
 * parameters are fitted as logarithms (they must stay positive); the Jacobian is taken by
 * central differences since the roofline's max() has a kink. Several fixed starting points are
 * tried and the best fit kept, so the result is deterministic.
 *
 * <p>The five parameters are one too many to be identified: an empty kernel costs
 * {@code launch + max(computeHalf / (peak * computeEff), memoryHalf / (bw * memoryEff))}, and
 * only the two intercepts {@code launch + computeHalf/(...)} and {@code launch + memoryHalf/(...)}
 * are observable. The fit is therefore returned in canonical form, with the part common to both
 * intercepts moved into {@code launch} so that one half size is 0; predictions do not change.
 */
public final class EfficiencyFit {
    private static final double[][] STARTS = {
        {20_000, 0.9, 1e9, 0.9, 1e7},
        {5_000, 0.6, 1e10, 0.6, 1e6},
        {30_000, 1.0, 1e8, 1.0, 1e8},
        {1_000, 0.3, 1e11, 0.3, 1e5},
    };

    private final double peakFlopsPerS;
    private final double bytesPerS;

    public EfficiencyFit(double peakFlopsPerS, double bytesPerS) {
        this.peakFlopsPerS = peakFlopsPerS;
        this.bytesPerS = bytesPerS;
    }

    /** The fitted curve and its root-mean-square log error. */
    public record Result(Efficiency efficiency, double rmsLogError) {}

    public Result fit(List<CalibrationPoint> points) {
        if (points.size() < 3) {
            throw new IllegalArgumentException("need at least 3 measured points to fit an efficiency curve, got "
                    + points.size());
        }
        Result best = null;
        for (double[] start : STARTS) {
            Result r = fitFrom(points, start);
            if (best == null || r.rmsLogError() < best.rmsLogError()) {
                best = r;
            }
        }
        return best;
    }

    private Result fitFrom(List<CalibrationPoint> points, double[] start) {
        double[] q0 = new double[5];
        for (int i = 0; i < 5; i++) {
            q0[i] = Math.log(start[i]);
        }
        MultivariateJacobianFunction f = q -> {
            double[] p = q.toArray();
            double[] r = residuals(points, p);
            double[][] jac = new double[r.length][p.length];
            for (int k = 0; k < p.length; k++) {
                double h = 1e-4;
                double[] up = p.clone();
                double[] down = p.clone();
                up[k] += h;
                down[k] -= h;
                double[] ru = residuals(points, up);
                double[] rd = residuals(points, down);
                for (int i = 0; i < r.length; i++) {
                    jac[i][k] = (ru[i] - rd[i]) / (2 * h);
                }
            }
            return new Pair<>(new ArrayRealVector(r, false), new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(f)
                .target(new double[points.size()])
                .start(q0)
                .parameterValidator(this::clamp)
                .maxEvaluations(5_000)
                .maxIterations(5_000)
                .build());
        double[] q = o.getPoint().toArray();
        return new Result(canonical(efficiency(q)), o.getRMS());
    }

    /** Keeps the search in a physical box: launch 10 ns..1 ms, efficiencies 0.001..2, half sizes 1..1e15. */
    private RealVector clamp(RealVector q) {
        double[] p = q.toArray();
        p[0] = bound(p[0], Math.log(10), Math.log(1e6));
        p[1] = bound(p[1], Math.log(1e-3), Math.log(2));
        p[2] = bound(p[2], 0, Math.log(1e15));
        p[3] = bound(p[3], Math.log(1e-3), Math.log(2));
        p[4] = bound(p[4], 0, Math.log(1e15));
        return new ArrayRealVector(p, false);
    }

    private static double bound(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private double[] residuals(List<CalibrationPoint> points, double[] q) {
        Efficiency e = efficiency(q);
        double[] r = new double[points.size()];
        for (int i = 0; i < r.length; i++) {
            CalibrationPoint p = points.get(i);
            r[i] = Math.log(Roofline.nanos(e, p.flops(), p.bytes(), peakFlopsPerS, bytesPerS) / p.measuredNanos());
        }
        return r;
    }

    /** The equivalent curve whose smaller intercept term is folded into the launch overhead. */
    Efficiency canonical(Efficiency e) {
        double a = e.computeHalfFlops() / (peakFlopsPerS * e.computeEff()) * 1e9;
        double b = e.memoryHalfBytes() / (bytesPerS * e.memoryEff()) * 1e9;
        double common = Math.min(a, b);
        return new Efficiency(e.launchNanos() + common, e.computeEff(),
                (a - common) * peakFlopsPerS * e.computeEff() / 1e9, e.memoryEff(),
                (b - common) * bytesPerS * e.memoryEff() / 1e9);
    }

    private static Efficiency efficiency(double[] q) {
        return new Efficiency(Math.exp(q[0]), Math.exp(q[1]), Math.exp(q[2]), Math.exp(q[3]), Math.exp(q[4]));
    }
}
