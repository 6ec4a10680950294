package dev.servelab.plugins.workload;

import dev.servelab.engine.model.Request;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.servelab.plugins.workload.GeneratorAssert.generate;
import static dev.servelab.plugins.workload.GeneratorAssert.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantMixWorkloadTest {
    private static final String MIX = """
            requests: 30000
            tenants:
              - {name: chat, slo_class: interactive, rate_per_s: 6, cv: 1.5, input: {dist: fixed, mean: 100}, output: {dist: fixed, mean: 10}}
              - {name: batch, slo_class: batch, rate_per_s: 2, cv: 1, input: {dist: fixed, mean: 5000}, output: {dist: fixed, mean: 500}}
            """;

    @Test
    void tenantsKeepTheirRatesLengthsAndSloClasses() throws IOException {
        List<Request> r = generate("workload.mix", MIX, 11);
        assertEquals(r, generate("workload.mix", MIX, 11));
        for (int i = 1; i < r.size(); i++) assertTrue(r.get(i).arrivalNanos() >= r.get(i - 1).arrivalNanos());
        Map<String, List<Request>> by = r.stream().collect(Collectors.groupingBy(Request::tenant));
        double spanS = r.getLast().arrivalNanos() / 1e9;
        within(6, by.get("chat").size() / spanS, 0.04, "chat rate");
        within(2, by.get("batch").size() / spanS, 0.04, "batch rate");
        assertTrue(by.get("chat").stream().allMatch(q -> q.sloClass().equals("interactive") && q.promptTokens() == 100));
        assertTrue(by.get("batch").stream().allMatch(q -> q.sloClass().equals("batch") && q.outputTokens() == 500));
    }

    @Test
    void defaultMixHasThreeTenants() throws IOException {
        assertEquals(3, generate("workload.mix", "", 1).stream().map(Request::tenant).distinct().count());
    }
}
