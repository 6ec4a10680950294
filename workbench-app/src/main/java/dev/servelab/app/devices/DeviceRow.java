package dev.servelab.app.devices;

import dev.servelab.hw.remote.DeviceEntry;
import dev.servelab.hw.remote.DeviceProfile;

import java.util.Locale;

/**
 * One line of the devices table: a registered device and, once probed, its last profile's round
 * trip, TTFT and TPOT fits and KV capacity as text ({@code —} before the first probe).
 */
public record DeviceRow(String name, String url, String dialect, String model, String keyEnv, String rtt, String ttftFit,
                        String tpotFit, String kvCapacity, String probedAt) {
    private static final String NONE = "—";

    static DeviceRow of(DeviceEntry e, DeviceProfile p) {
        String keyEnv = e.apiKeyEnv() == null || e.apiKeyEnv().isBlank() ? "" : "$" + e.apiKeyEnv();
        String configured = e.model() == null || e.model().isBlank() ? "(first listed)" : e.model();
        if (p == null) return new DeviceRow(e.name(), e.url(), e.dialect(), configured, keyEnv, NONE, NONE, NONE, NONE, "not probed");
        return new DeviceRow(e.name(), e.url(), e.dialect(), p.model(), keyEnv,
                String.format(Locale.ROOT, "%.1f ms", p.rttMs()),
                String.format(Locale.ROOT, "%.1f + %.3f ms/tok", p.prefillBaseMs(), p.prefillMsPerToken()),
                String.format(Locale.ROOT, "%.2f + %.2f ms/seq", p.decodeBaseMs(), p.decodeMsPerSequence()),
                p.kvCapacityTokens() < 0 ? NONE : String.format(Locale.ROOT, "%,d tokens", p.kvCapacityTokens()),
                shortTime(p.probedAt()));
    }

    /** {@code 2026-11-29 00:33:19 UTC} from an ISO instant; anything else as it is. */
    static String shortTime(String iso) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
