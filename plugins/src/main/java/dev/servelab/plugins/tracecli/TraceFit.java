package dev.servelab.plugins.tracecli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.plugins.traceprofile.TraceProfile;

/**
 * Fits a {@code workload.gamma} generator to a trace: the request count, the requests of every minute
 * (an exact-count {@link dev.servelab.plugins.workload.RateProfile}, so on/off periods and slow swings
 * are kept), the CV of gaps within minutes (burstiness at the seconds scale), and both length
 * distributions as empirical inverse-CDF tables of {@code points} quantiles (1001 by default: with 201
 * the last 0.5 % segment, interpolated up to the maximum, put the Azure code trace's mean output 16 %
 * too high). A single Gamma renewal process at the trace's overall CV was the first attempt: for the
 * bursty Azure code trace (CV 13) the span of 8,819 gaps then varies by about 13/√8819 ≈ 14 %, so the
 * mean rate could not be reproduced within a few percent; a renewal process following the per-minute
 * rates had the same problem at the within-minute CV. Not modelled: correlation between input and
 * output lengths, and prefix sharing (use {@code workload.sessions} for that).
 */
public record TraceFit(double durationS, double cv, long requests, double[] ratesPerMinute, double[] inputQuantiles,
                       double[] outputQuantiles) {
    public static final int DEFAULT_POINTS = 1001;

    public static TraceFit of(TraceProfile p, int points) {
        double[] rates = p.arrivals().ratesPerMinute();
        return new TraceFit(p.arrivals().durationS(), p.arrivals().localGapCv(), p.arrivals().count(), rates,
                p.input().quantiles(points), p.output().quantiles(points));
    }

    /** The fitted workload node (what a pipeline's {@code workload:} holds). */
    public ObjectNode node() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", "workload.gamma");
        n.put("rate_per_s", round(requests / durationS, 6));
        n.put("cv", round(cv, 4));
        n.put("requests", requests);
        n.put("duration_s", durationS);
        ObjectNode profile = n.putObject("rate_profile");
        profile.put("bucket_s", 60);
        ArrayNode rates = profile.putArray("rates_per_s");
        for (double r : ratesPerMinute) rates.add(round(r, 6));
        profile.put("exact_counts", true);
        n.set("input", empirical(inputQuantiles));
        n.set("output", empirical(outputQuantiles));
        return n;
    }

    private static ObjectNode empirical(double[] q) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("dist", "empirical");
        d.put("min", (int) Math.floor(q[0]));
        d.put("max", (int) Math.ceil(q[q.length - 1]));
        ArrayNode a = d.putArray("quantiles");
        for (double v : q) a.add(round(v, 1));
        return d;
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
