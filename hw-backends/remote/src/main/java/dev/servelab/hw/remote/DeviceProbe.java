package dev.servelab.hw.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.model.Request;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures one device into a {@link DeviceProfile}: the models it serves, the round-trip time of
 * {@code GET /v1/models}, a short calibration of TTFT against prompt length and of TPOT against
 * concurrency, and (for a ServeLab agent) its hardware and KV capacity from {@code /device}.
 * Prompts carry a fresh salt, so the device's prefix cache cannot flatter the numbers. Points whose
 * requests fail are left out; a probe with no point at all fails naming the device.
 */
public final class DeviceProbe {
    private final DeviceEntry entry;
    private final ProbePlan plan;

    public DeviceProbe(DeviceEntry entry, ProbePlan plan) {
        this.entry = entry;
        this.plan = plan;
    }

    public DeviceProfile run() throws InterruptedException {
        long deadline = System.nanoTime() + plan.limit().toNanos();
        EndpointConfig base = entry.endpoint(plan.limit());
        try (OpenAiStreamClient probeClient = new OpenAiStreamClient(base)) {
            EndpointCheck check = new EndpointCheck(probeClient);
            List<String> models = check.models();
            String model = base.model().isBlank() ? (models.isEmpty() ? "" : models.getFirst()) : base.model();
            double rttMs = check.roundTripNanos(5) / 1e6;
            try (OpenAiStreamClient client = new OpenAiStreamClient(base.withModel(model))) {
                TracePromptBuilder prompts = new TracePromptBuilder(System.nanoTime());
                List<DeviceProfile.TtftPoint> ttft = ttft(client, prompts, deadline);
                List<DeviceProfile.TpotPoint> tpot = tpot(client, prompts, deadline);
                if (ttft.isEmpty() && tpot.isEmpty()) {
                    throw new DeviceUnreachableException("device " + base.label() + ": every calibration request failed");
                }
                LinearFit pre = LinearFit.of(ttft.stream().mapToDouble(DeviceProfile.TtftPoint::promptTokens).toArray(),
                        ttft.stream().mapToDouble(p -> Math.max(0, p.ttftMs() - rttMs)).toArray());
                LinearFit dec = LinearFit.of(tpot.stream().mapToDouble(DeviceProfile.TpotPoint::concurrency).toArray(),
                        tpot.stream().mapToDouble(DeviceProfile.TpotPoint::tpotMs).toArray());
                JsonNode device = agentDevice(client);
                String hardware = device == null ? "" : device.path("hardware").path("arch").asText() + ", "
                        + device.path("hardware").path("cpus").asInt() + " cpus";
                long kv = device == null ? -1 : device.path("kv").path("token_capacity").asLong(-1);
                return new DeviceProfile(entry.name(), entry.url(), entry.dialect(), model, hardware, rttMs, ttft, tpot,
                        Math.max(0, pre.intercept()), pre.slope(), Math.max(0, dec.intercept()), dec.slope(), kv,
                        Instant.now().toString());
            }
        }
    }

    private List<DeviceProfile.TtftPoint> ttft(OpenAiStreamClient client, TracePromptBuilder prompts, long deadline) {
        List<DeviceProfile.TtftPoint> out = new ArrayList<>();
        long id = 0;
        for (int p : plan.promptLengths()) {
            double[] ms = new double[plan.repeats()];
            int ok = 0;
            for (int i = 0; i < plan.repeats() && System.nanoTime() < deadline; i++) {
                StreamRecord r = client.stream(prompts.call(Request.of(id++, 0, p, 1)));
                if (!r.failed() && r.tokens() > 0) ms[ok++] = r.ttftNanos() / 1e6;
            }
            if (ok > 0) out.add(new DeviceProfile.TtftPoint(p, median(Arrays.copyOf(ms, ok))));
        }
        return out;
    }

    private List<DeviceProfile.TpotPoint> tpot(OpenAiStreamClient client, TracePromptBuilder prompts, long deadline)
            throws InterruptedException {
        List<DeviceProfile.TpotPoint> out = new ArrayList<>();
        long id = 1_000_000;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c : plan.concurrencies()) {
                if (System.nanoTime() >= deadline) break;
                List<Future<StreamRecord>> futures = new ArrayList<>();
                for (int i = 0; i < c; i++) {
                    RemoteCall call = prompts.call(Request.of(id++, 0, 16, plan.decodeTokens()));
                    futures.add(pool.submit(() -> client.stream(call)));
                }
                List<Double> gaps = new ArrayList<>();
                for (Future<StreamRecord> f : futures) {
                    try {
                        StreamRecord r = f.get();
                        if (!r.failed() && r.tpotNanos() > 0) gaps.add(r.tpotNanos() / 1e6);
                    } catch (java.util.concurrent.ExecutionException e) {
                        // a crashed call is a failed point; the others still count
                    }
                }
                if (!gaps.isEmpty()) out.add(new DeviceProfile.TpotPoint(c, median(gaps.stream().mapToDouble(d -> d).toArray())));
            }
        }
        return out;
    }

    private static JsonNode agentDevice(OpenAiStreamClient client) {
        try {
            HttpRequest request = client.authorized(HttpRequest.newBuilder(client.config().resolve("/device")))
                    .timeout(client.config().timeouts().responseHeaders()).GET().build();
            HttpResponse<String> r = client.http().send(request, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? OpenAiChunks.tree(r.body()) : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
