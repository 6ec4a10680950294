package dev.servelab.engine.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.AdapterId;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.model.SplitMix64;
import dev.servelab.engine.spi.ClientLoop;
import dev.servelab.engine.spi.RequestStream;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A workload node's {@code adapters: {count: N, popularity: zipf|uniform, s: 1.1}}: gives every request of
 * any generator or trace a LoRA adapter {@code 0..N-1}, adapter {@code i} drawn with probability
 * {@code ∝ 1 / (i+1)^s} (Zipf, the skewed adapter popularity S-LoRA and dLoRA evaluate with) or uniformly.
 * The draw is a hash of the seed and the request id, so the same pipeline and seed give the same adapters
 * whatever reads the stream. A request that already has an adapter (a trace's {@code adapter} column) keeps it.
 *
 * @param count      adapters, at least 1
 * @param zipf       Zipf popularity (else uniform)
 * @param s          the Zipf exponent (> 0)
 */
public record AdapterMix(int count, boolean zipf, double s) {
    /** The workload node key. */
    public static final String KEY = "adapters";

    public AdapterMix {
        if (count < 1) throw new IllegalArgumentException("count must be at least 1");
        if (zipf && !(s > 0)) throw new IllegalArgumentException("s must be > 0");
    }

    /** Removes the {@code adapters} key from a workload node's settings; null when absent. Errors name the field. */
    public static AdapterMix take(ObjectNode settings, String nodePath) {
        JsonNode node = settings.remove(KEY);
        if (node == null || node.isNull()) return null;
        String path = nodePath + "." + KEY;
        if (!node.isObject()) throw new ServeLabException(path + ": expected a mapping {count, popularity, s}");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!Set.of("count", "popularity", "s").contains(k)) {
                throw new ServeLabException(path + "." + k + ": unknown key (known: count, popularity, s)");
            }
        }
        JsonNode count = node.get("count");
        if (count == null || !count.isIntegralNumber() || count.asLong() < 1 || count.asLong() > 1_000_000) {
            throw new ServeLabException(path + ".count: required, an integer in [1, 1000000]");
        }
        String popularity = node.has("popularity") ? node.get("popularity").asText() : "zipf";
        if (!List.of("zipf", "uniform").contains(popularity)) {
            throw new ServeLabException(path + ".popularity: unknown value '" + popularity + "' (known: zipf, uniform)");
        }
        JsonNode s = node.get("s");
        if (s != null && (!s.isNumber() || !(s.asDouble() > 0) || s.asDouble() > 10)) {
            throw new ServeLabException(path + ".s: expected a number in (0, 10], found " + s);
        }
        return new AdapterMix(count.asInt(), popularity.equals("zipf"), s == null ? 1.1 : s.asDouble());
    }

    /** The cumulative popularity of adapters {@code 0..count-1}. */
    double[] cdf() {
        double[] c = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += zipf ? 1 / Math.pow(i + 1, s) : 1;
            c[i] = sum;
        }
        for (int i = 0; i < count; i++) c[i] /= sum;
        c[count - 1] = 1;
        return c;
    }

    /** {@code inner} with every request given an adapter drawn from the mix under {@code seed}. */
    public RequestStream apply(RequestStream inner, long seed) {
        double[] cdf = cdf();
        long salt = SplitMix64.mix(seed ^ 0x10_4A_DA_97_E2L);
        return new RequestStream() {
            @Override
            public Request next() throws IOException {
                Request r = inner.next();
                if (r == null || r.adapter() != null) return r;
                double u = (SplitMix64.mix(salt + r.id() * SplitMix64.GOLDEN_GAMMA) >>> 11) * 0x1.0p-53;
                return r.withAdapter(AdapterId.of(pick(cdf, u)));
            }

            @Override
            public ClientLoop clients() {
                return inner.clients();
            }

            @Override
            public void close() throws IOException {
                inner.close();
            }
        };
    }

    /** The first index whose cumulative popularity exceeds {@code u}. */
    static int pick(double[] cdf, double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
