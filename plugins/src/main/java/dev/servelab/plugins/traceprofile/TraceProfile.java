package dev.servelab.plugins.traceprofile;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;

import java.io.IOException;

/**
 * Everything {@code trace stats} and {@code trace fit} need from one pass over a request stream:
 * exact input and output length histograms, arrival counts and the unlimited-cache prefix reuse.
 */
public record TraceProfile(TokenHistogram input, TokenHistogram output, ArrivalCounter arrivals, PrefixReuse prefix) {

    public static TraceProfile of(RequestStream stream) throws IOException {
        TraceProfile p = new TraceProfile(new TokenHistogram(), new TokenHistogram(), new ArrivalCounter(), new PrefixReuse());
        try (stream) {
            Request r;
            while ((r = stream.next()) != null) p.add(r);
        }
        return p;
    }

    public void add(Request r) {
        input.add(r.promptTokens());
        output.add(r.outputTokens());
        arrivals.add(r.arrivalNanos());
        prefix.add(r);
    }

    public TraceStats stats() {
        int[] peak = arrivals.peakMinute();
        return new TraceStats(arrivals.count(), arrivals.durationS(), LengthSummary.of(input), LengthSummary.of(output),
                arrivals.meanRatePerS(), arrivals.gapCv(), peak[1], peak[0],
                prefix.any() ? prefix.blockHitRatio() : null, prefix.any() ? prefix.tokenHitRatio() : null);
    }
}
