package dev.servelab.app.timeline;

import dev.servelab.engine.store.RequestTable;
import dev.servelab.engine.store.TokenTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One line of the timeline's slowest-requests list: a request that has a timeline row, with its TTFT,
 * E2EL and queueing delay (arrival to first scheduling) in ms.
 */
public record SlowRequest(long requestId, int replica, int row, double ttftMs, double e2elMs, double queueMs) {

    /**
     * The slowest requests among those with token times (the timeline's rows): the {@code n} slowest by
     * TTFT, by E2EL and by queueing, merged, so sorting the list by any of the three shows its top
     * {@code n}. Pure computation over the run's tables, for the loading thread.
     */
    public static List<SlowRequest> of(RequestTable req, TokenTable tokens, int n) {
        List<SlowRequest> all = new ArrayList<>();
        for (int r = 0; r < tokens.rows(); r++) {
            int i = Arrays.binarySearch(req.id(), tokens.requestId()[r]);
            if (i < 0 || !req.completed(i)) continue;
            all.add(new SlowRequest(req.id()[i], req.replica()[i], r, req.ttftMs(i), req.e2elMs(i),
                    (req.firstScheduled()[i] - req.arrival()[i]) / 1e6));
        }
        Map<Long, SlowRequest> top = new LinkedHashMap<>();
        for (ToDoubleFunction<SlowRequest> key : List.<ToDoubleFunction<SlowRequest>>of(SlowRequest::ttftMs, SlowRequest::e2elMs,
                SlowRequest::queueMs)) {
            all.stream().sorted(Comparator.comparingDouble(key).reversed()).limit(n).forEach(s -> top.putIfAbsent(s.requestId(), s));
        }
        List<SlowRequest> out = new ArrayList<>(top.values());
        out.sort(Comparator.comparingDouble(SlowRequest::ttftMs).reversed());
        return List.copyOf(out);
    }
}
