package dev.servelab.hw.perf;

import dev.servelab.engine.metrics.RunCost;
import dev.servelab.hw.perf.hardware.CatalogPrices;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every hardware file has a price with its source and date; the engine's cost keys see it through ServiceLoader. */
class CatalogPricesTest {
    @Test
    void everyHardwareFileHasPriceSourceAndDate() throws IOException {
        for (String id : HardwareCatalog.standard().ids()) {
            if (id.equals(HardwareCatalog.THIS_CPU)) continue;
            try (InputStream in = getClass().getResourceAsStream("/servelab/hardware/" + id + ".yaml")) {
                assertNotNull(in, id);
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(text.contains("\nprice_usd_per_hour: "), id);
                assertTrue(text.contains("\nprice_source: "), id);
                assertTrue(text.contains("\nprice_date: "), id);
            }
        }
    }

    @Test
    void theEngineFindsCatalogPrices() {
        assertEquals(2.99, new CatalogPrices().usdPerDeviceHour("h100-sxm"));
        assertEquals(2.99, RunCost.catalogPrices().applyAsDouble("h100-sxm"));
        assertTrue(Double.isNaN(RunCost.catalogPrices().applyAsDouble("no-such-gpu")));
    }
}
