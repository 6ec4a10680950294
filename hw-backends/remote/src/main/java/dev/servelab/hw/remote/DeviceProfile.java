package dev.servelab.hw.remote;

import java.util.List;

/**
 * What a probe measured on one device, saved as JSON for the simulator ({@code exec.device-profile}):
 * network round trip, client-side TTFT at a few prompt lengths and TPOT at a few concurrencies, and
 * the linear fits drawn from them: {@code ttft ≈ rtt + prefillBaseMs + prefillMsPerToken · prompt}
 * and {@code tpot ≈ decodeBaseMs + decodeMsPerSequence · concurrency}. {@code kvCapacityTokens}
 * comes from a ServeLab agent's {@code /device} (-1 otherwise). No secret is ever stored here.
 */
public record DeviceProfile(String name, String url, String dialect, String model, String hardware, double rttMs,
                            List<TtftPoint> ttft, List<TpotPoint> tpot, double prefillBaseMs, double prefillMsPerToken,
                            double decodeBaseMs, double decodeMsPerSequence, long kvCapacityTokens, String probedAt) {
    /** Median client-side TTFT at one prompt length. */
    public record TtftPoint(int promptTokens, double ttftMs) {
    }

    /** Median TPOT when {@code concurrency} requests decode together. */
    public record TpotPoint(int concurrency, double tpotMs) {
    }

    public DeviceProfile {
        ttft = List.copyOf(ttft);
        tpot = List.copyOf(tpot);
    }
}
