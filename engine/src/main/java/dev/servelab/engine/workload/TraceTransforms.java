package dev.servelab.engine.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.plugin.SettingInfo;
import dev.servelab.engine.spi.RequestStream;

import java.io.IOException;
import java.util.List;

/**
 * The transformations a trace workload node or the CLI may apply, in this order: a time window
 * ({@code window_start_s}, {@code window_end_s}; arrivals re-based to the window start), {@code replay}
 * N times with shifted ids, {@code rate_scale} (2 = twice the rate) and a request-count {@code limit}.
 */
public record TraceTransforms(double windowStartS, double windowEndS, int replay, double rateScale, long limit) {
    public static final TraceTransforms NONE = new TraceTransforms(0, Double.POSITIVE_INFINITY, 1, 1.0, 0);

    public TraceTransforms {
        if (windowStartS < 0 || !(windowEndS > windowStartS)) {
            throw new ServeLabException("window_end_s (" + windowEndS + ") must be after window_start_s (" + windowStartS + ") >= 0");
        }
        if (replay < 1) throw new ServeLabException("replay must be >= 1, was " + replay);
        if (!(rateScale > 0)) throw new ServeLabException("rate_scale must be > 0, was " + rateScale);
        if (limit < 0) throw new ServeLabException("limit must be >= 0, was " + limit);
    }

    /** The keys of a trace node that are transformations, not reader settings. */
    static final List<String> KEYS = List.of("window_start_s", "window_end_s", "replay", "rate_scale", "limit");

    /** The transformation keys described as settings (defaults and ranges as {@link #take} applies them), for editors. */
    public static final List<SettingInfo> SETTINGS = List.of(
            new SettingInfo("window_start_s", Double.class, 0.0, "time window: first arrival kept (arrivals re-based to it)", "s", 0, Double.MAX_VALUE),
            new SettingInfo("window_end_s", Double.class, null, "time window: arrivals before this are kept (empty = to the end)", "s", 0, Double.MAX_VALUE),
            new SettingInfo("replay", Integer.class, 1, "play the (windowed) trace this many times back to back, ids shifted", "", 1, Integer.MAX_VALUE),
            new SettingInfo("rate_scale", Double.class, 1.0, "arrival-rate factor (2 = twice as fast)", "", Double.MIN_VALUE, Double.MAX_VALUE),
            new SettingInfo("limit", Long.class, 0L, "at most this many requests (0 = all)", "requests", 0, Long.MAX_VALUE));

    /** Removes the transformation keys from a trace node's settings and returns them. */
    public static TraceTransforms take(ObjectNode settings, String nodePath) {
        try {
            return new TraceTransforms(number(settings.remove("window_start_s"), 0, nodePath, "window_start_s"),
                    number(settings.remove("window_end_s"), Double.POSITIVE_INFINITY, nodePath, "window_end_s"),
                    (int) number(settings.remove("replay"), 1, nodePath, "replay"),
                    number(settings.remove("rate_scale"), 1.0, nodePath, "rate_scale"),
                    (long) number(settings.remove("limit"), 0, nodePath, "limit"));
        } catch (ServeLabException e) {
            throw e.getMessage().startsWith(nodePath) ? e : new ServeLabException(nodePath + ": " + e.getMessage());
        }
    }

    private static double number(JsonNode v, double def, String nodePath, String key) {
        if (v == null || v.isNull()) return def;
        if (!v.isNumber()) throw new ServeLabException(nodePath + "." + key + ": expected a number, found " + v);
        return v.asDouble();
    }

    /** The same transformations with the limit lowered to {@code requestLimit} when that is smaller (0 = none). */
    public TraceTransforms withLimit(long requestLimit) {
        if (requestLimit <= 0) return this;
        return new TraceTransforms(windowStartS, windowEndS, replay, rateScale, limit == 0 ? requestLimit : Math.min(limit, requestLimit));
    }

    public RequestStream apply(ReplayStream.Source source) throws IOException {
        ReplayStream.Source windowed = windowStartS == 0 && Double.isInfinite(windowEndS) ? source
                : () -> new TimeWindowStream(source.open(), Math.round(windowStartS * 1e9),
                Double.isInfinite(windowEndS) ? Long.MAX_VALUE : Math.round(windowEndS * 1e9));
        RequestStream s = replay == 1 ? windowed.open() : new ReplayStream(windowed, replay);
        return new TransformedStream(s, rateScale, limit);
    }
}
