package dev.servelab.app.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.app.run.ExecutionMode;
import dev.servelab.app.run.PipelineRunner;
import dev.servelab.engine.pipeline.Overrides;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.store.BucketTable;
import dev.servelab.engine.store.RequestTable;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.store.StoreReader;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache hit map by tier over real runs of the shipped {@code kv-offload-tiers.yaml} (first 400 requests, the GPU
 * cache cut to 3,000 blocks and the CPU tier to 2 GiB so that hits come from all three tiers) and of the same
 * pipeline without tiers, in real JavaFX nodes: the heat map paints GPU, CPU and disk colours only for the tiered
 * run, the toggle switches back to the hit-ratio ramp, and a cell's request table shows where each request's hits
 * came from.
 */
@ExtendWith(ApplicationExtension.class)
class HitMapTiersViewTest {
    static final Path EXAMPLE = Path.of("../sample-traces/pipelines/kv-offload-tiers.yaml");
    @TempDir
    static Path dir;
    static BucketTable tiered, plain;
    static RequestTable tieredRequests, plainRequests;
    private HitMapViewModel vm;
    private HitMapView view;

    @BeforeAll
    static void runBoth() {
        long a = run("tiered", "pools.0.kv_cache.cpu_tier.capacity_gib=2");
        long b = run("plain", "pools.0.kv_cache.cpu_tier=null", "pools.0.kv_cache.disk_tier=null", "pools.0.kv_cache.offload=null",
                "pools.0.kv_cache.overlap=null");
        try (RunStore store = RunStore.open(dir.resolve("runs.db")); StoreReader reader = StoreReader.open(dir.resolve("runs.db"))) {
            RunInfo ia = store.run(a).orElseThrow(), ib = store.run(b).orElseThrow();
            tiered = reader.buckets(a, ia.replicas(), ia.bucketMs() * 1_000_000L);
            tieredRequests = reader.requests(a);
            plain = reader.buckets(b, ib.replicas(), ib.bucketMs() * 1_000_000L);
            plainRequests = reader.requests(b);
        }
    }

    static long run(String name, String... sets) {
        ObjectNode tree = PipelineLoader.readTree(EXAMPLE);
        Overrides.apply(tree, "pools.0.kv_cache.capacity_blocks=3000");
        for (String s : sets) Overrides.apply(tree, s);
        RunOutcome out = PipelineRunner.start(tree, name, EXAMPLE.getParent(), dir.resolve("runs.db"), PluginRegistry.load(),
                ExecutionMode.SIMULATION, 1, 400).outcome().join();
        return out.runId();
    }

    @Start
    void start(Stage stage) {
        vm = new HitMapViewModel();
        view = new HitMapView(vm);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    private void show(BucketTable b, RequestTable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            vm.show(b, r, "test");
            done.complete(null);
        });
        done.get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Pixels of the heat map's plot area (left of the scale/legend) within 0.02 of {@code c}. */
    private int pixels(Color c) throws Exception {
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> shot.complete(view.heatMap().snapshot(null, null)));
        WritableImage img = shot.get(10, TimeUnit.SECONDS);
        PixelReader pr = img.getPixelReader();
        int n = 0;
        for (int y = 0; y < img.getHeight() - HeatMapCanvas.BOTTOM; y++) {
            for (int x = (int) HeatMapCanvas.LEFT; x < img.getWidth() - HeatMapCanvas.RIGHT; x++) {
                Color p = pr.getColor(x, y);
                if (Math.abs(p.getRed() - c.getRed()) < 0.02 && Math.abs(p.getGreen() - c.getGreen()) < 0.02
                        && Math.abs(p.getBlue() - c.getBlue()) < 0.02) n++;
            }
        }
        return n;
    }

    @Test
    void aTieredRunIsColouredByTheTierItsHitsCameFrom(FxRobot robot) throws Exception {
        assertTrue(tiered.hasLowerTierHits());
        show(tiered, tieredRequests);
        ToggleButton toggle = robot.lookup("#cache-by-tier").queryAs(ToggleButton.class);
        assertTrue(toggle.isVisible() && toggle.isSelected(), "a run with lower-tier hits opens coloured by tier");
        assertTrue(pixels(TierColors.GPU) > 0, "GPU hits drawn");
        assertTrue(pixels(TierColors.CPU) > 0, "CPU-tier hits drawn");
        assertTrue(pixels(TierColors.DISK) > 0, "disk-tier hits drawn");
        assertTrue(vm.selectionProperty().get().contains("disk"), vm.selectionProperty().get());
        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.byTierProperty().get());
        assertEquals(0, pixels(TierColors.DISK), "back to the hit-ratio ramp");
        int[] cell = cellWithDiskHits();
        Platform.runLater(() -> vm.select(cell[0], cell[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.cellRequests().stream().anyMatch(r -> r.cachedDisk() > 0), "the cell lists a request served from disk");
        for (CellRequest r : vm.cellRequests()) assertEquals(r.cachedTokens(), r.cachedGpu() + r.cachedCpu() + r.cachedDisk());
        TableColumn<CellRequest, ?> disk = view.table().getColumns().stream().filter(c -> c.getText().equals("disk")).findFirst().orElseThrow();
        assertTrue(disk.isVisible());
    }

    @Test
    void aRunWithoutTiersKeepsTheHitRatioMap(FxRobot robot) throws Exception {
        assertFalse(plain.hasLowerTierHits());
        show(plain, plainRequests);
        assertFalse(robot.lookup("#cache-by-tier").queryAs(ToggleButton.class).isVisible());
        assertEquals(0, pixels(TierColors.CPU) + pixels(TierColors.DISK));
        assertFalse(view.table().getColumns().stream().filter(c -> c.getText().equals("disk")).findFirst().orElseThrow().isVisible());
    }

    /** A (replica, bucket) whose hits include disk-tier ones, and whose scheduled requests were served from disk. */
    private static int[] cellWithDiskHits() {
        for (int i = 0; i < tieredRequests.size(); i++) {
            if (tieredRequests.cachedDisk()[i] > 0 && tieredRequests.firstScheduled()[i] >= 0) {
                return new int[]{tieredRequests.replica()[i], (int) (tieredRequests.firstScheduled()[i] / tiered.bucketNanos())};
            }
        }
        throw new AssertionError("no request was served from disk");
    }
}
