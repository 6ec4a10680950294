package dev.servelab.app.gui;

import dev.servelab.engine.cli.DbOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code servelab gui}: opens the workbench (or, with --screenshot, renders one view to a PNG and exits). */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the ServeLab workbench: pipeline editor, live runs, timelines, cache hit maps, SLA charts.")
public final class GuiCommand implements Callable<Integer> {
    @Option(names = "--open", paramLabel = "PIPELINE", description = "Pipeline file to open (default: the quickstart example)")
    Path open;

    @Option(names = "--run", description = "Run the pipeline right away")
    boolean run;

    @Option(names = "--screenshot", paramLabel = "FILE.png", description = "Write a PNG of the window once the view is ready, then exit")
    Path screenshot;

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "auto",
            description = "View to show: editor, sla, timeline, cache, runs, devices, experiments, ab (default: sla after --run, else editor)")
    String view;

    @Option(names = "--zoom", paramLabel = "tokens|SECONDSs|request:ID|slowest", description = "Timeline: zoom to the single tokens of the first request (tokens), to the run's first SECONDS (e.g. 1.5s), to a request (request:ID), or open the slowest-requests list at the slowest (slowest)")
    String zoom;

    @Option(names = "--show-run", paramLabel = "ID", description = "Show this stored run in the result views (default: the newest)")
    Long showRun;

    @Option(names = "--compare", paramLabel = "ID", split = ",", description = "Runs view: compare these stored runs (e.g. 1,2)")
    java.util.List<Long> compare = new java.util.ArrayList<>();

    @Option(names = "--mode", paramLabel = "MODE", description = "Run mode: sim (default), jvm (live on the JVM) or tornadovm (live on its device)")
    String mode;

    @Option(names = "--sim-vs-live", description = "Runs view: a live run against the simulated run of the same pipeline (the --compare pair, else the newest)")
    boolean simVsLive;

    @Option(names = "--probe", paramLabel = "DEVICE", description = "Devices view: probe this registered device, then show the result (or the error)")
    String probe;

    @Option(names = "--requests", paramLabel = "N", description = "With --run: use at most N requests of the workload (as run --requests; 0 = all)")
    long requests;

    @Option(names = "--experiment", paramLabel = "ID", description = "Experiments view: show this stored experiment (default: the newest)")
    Long experiment;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1440x900", description = "Window size")
    String size;

    @Option(names = "--dark", description = "Start with the dark theme")
    boolean dark;

    @Option(names = "--shoot-at", paramLabel = "SECONDS", defaultValue = "0", hidden = true,
            description = "With --run and --screenshot: take the PNG this long after the run starts (shows the progress), then cancel")
    double shootAt;

    @Option(names = "--bench-timeline", description = "Render benchmark: open the run's timeline, zoom and pan for 360 frames, print timings, exit")
    boolean bench;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        // a corrupted or non-SQLite store fails here as one line (exit 2), not inside JavaFX's start method
        dev.servelab.engine.store.RunStore.open(db.path()).close();
        if (noDisplay()) {
            System.err.println("error: servelab gui needs a display: set DISPLAY (or WAYLAND_DISPLAY), or run it under xvfb-run");
            return 2;
        }
        GuiOptions options = options();
        return WorkbenchApp.launch(options, Preload.start(options.db()), System.out);
    }

    /** The options as given on the command line. */
    GuiOptions options() {
        return GuiOptions.builder().open(open).run(run).screenshot(screenshot).db(db.path()).view(view).zoom(zoom)
                .showRun(showRun).compare(compare).size(size).dark(dark).bench(bench).shootAt(shootAt).simVsLive(simVsLive)
                .mode(mode).probe(probe).requests(requests).experiment(experiment).build();
    }

    /** On Linux without X11 or Wayland (and not on Monocle), JavaFX would fail with a native error. */
    private static boolean noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
        return linux && System.getProperty("glass.platform") == null && blank(System.getenv("DISPLAY"))
                && blank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
