package dev.servelab.hw.perf.hardware;

/**
 * A link between devices: bandwidth per direction in bytes/s and one-way latency in ns.
 * Ring all-reduce over {@code n} devices moving {@code bytes}: {@code 2(n-1)/n * bytes / bw +
 * 2(n-1) * latency} (the bandwidth-optimal ring of Patarasuk and Yuan, as NCCL uses it).
 */
public record LinkSpec(String name, double bandwidthBytesPerS, double latencyNanos) {

    public LinkSpec {
        if (!(bandwidthBytesPerS > 0) || !(latencyNanos >= 0)) {
            throw new IllegalArgumentException("link " + name + ": bandwidth must be > 0 and latency >= 0");
        }
    }

    /** Ring all-reduce time in ns for {@code bytes} over {@code devices} devices (0 for one device). */
    public double allReduceNanos(double bytes, int devices) {
        if (devices <= 1) {
            return 0.0;
        }
        double steps = 2.0 * (devices - 1);
        return steps / devices * bytes / bandwidthBytesPerS * 1e9 + steps * latencyNanos;
    }

    /** Point-to-point send/receive time in ns for {@code bytes}. */
    public double sendRecvNanos(double bytes) {
        return latencyNanos + bytes / bandwidthBytesPerS * 1e9;
    }

    /**
     * All-to-all time in ns when each of {@code devices} devices sends {@code bytesPerDevice} in total to
     * the others (pairwise exchange: {@code devices - 1} steps, each paying the latency).
     */
    public double allToAllNanos(double bytesPerDevice, int devices) {
        if (devices <= 1 || bytesPerDevice <= 0) {
            return 0.0;
        }
        return bytesPerDevice / bandwidthBytesPerS * 1e9 + (devices - 1) * latencyNanos;
    }
}
