package dev.servelab.engine.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.AdapterId;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The workload's {@code adapters} mix: Zipf frequencies, determinism per seed, trace adapters kept, errors. */
class AdapterMixTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestStream requests(int n, boolean withAdapterEvery10th) {
        return new RequestStream() {
            long id;

            @Override
            public Request next() {
                if (id == n) return null;
                long i = id++;
                Request r = Request.of(i, i * 1000, 10, 5);
                return withAdapterEvery10th && i % 10 == 0 ? r.withAdapter(AdapterId.of(999)) : r;
            }
        };
    }

    private static List<AdapterId> drain(RequestStream s) throws Exception {
        List<AdapterId> out = new ArrayList<>();
        for (Request r = s.next(); r != null; r = s.next()) out.add(r.adapter());
        return out;
    }

    private static AdapterMix take(String json) throws Exception {
        return AdapterMix.take((ObjectNode) JSON.readTree("{\"rate_per_s\": 1, \"adapters\": " + json + "}"), "workload");
    }

    @Test
    void zipfFrequenciesFollowOneOverRankToTheS() throws Exception {
        AdapterMix mix = take("{\"count\": 100, \"popularity\": \"zipf\", \"s\": 1.1}");
        double h = 0;
        for (int i = 1; i <= 100; i++) h += 1 / Math.pow(i, 1.1);
        List<AdapterId> a = drain(mix.apply(requests(100_000, false), 42));
        long first = a.stream().filter(x -> x.id() == 0).count();
        long second = a.stream().filter(x -> x.id() == 1).count();
        assertEquals(100_000 / h, first, 600, "adapter 0: 1/H of the requests (23.4 %)");
        assertEquals(100_000 / h / Math.pow(2, 1.1), second, 500);
        assertEquals(0, a.stream().filter(x -> x.id() >= 100).count());
    }

    @Test
    void theSameSeedGivesTheSameAdaptersAndATraceAdapterIsKept() throws Exception {
        AdapterMix mix = take("{\"count\": 8}");
        assertEquals(drain(mix.apply(requests(1000, false), 1)), drain(mix.apply(requests(1000, false), 1)));
        assertNotEquals(drain(mix.apply(requests(1000, false), 1)), drain(mix.apply(requests(1000, false), 2)));
        List<AdapterId> kept = drain(mix.apply(requests(100, true), 1));
        for (int i = 0; i < 100; i += 10) assertEquals(AdapterId.of(999), kept.get(i));
        AdapterMix uniform = take("{\"count\": 4, \"popularity\": \"uniform\"}");
        List<AdapterId> u = drain(uniform.apply(requests(40_000, false), 3));
        for (int i = 0; i < 4; i++) {
            int id = i;
            assertEquals(10_000, u.stream().filter(x -> x.id() == id).count(), 400);
        }
    }

    @Test
    void absentIsNoneAndErrorsNameTheField() throws Exception {
        assertNull(AdapterMix.take((ObjectNode) JSON.readTree("{\"rate_per_s\": 1}"), "workload"));
        assertEquals("workload.adapters.count: required, an integer in [1, 1000000]",
                assertThrows(ServeLabException.class, () -> take("{\"popularity\": \"zipf\"}")).getMessage());
        assertEquals("workload.adapters.popularity: unknown value 'pareto' (known: zipf, uniform)",
                assertThrows(ServeLabException.class, () -> take("{\"count\": 3, \"popularity\": \"pareto\"}")).getMessage());
    }
}
