package dev.servelab.app.gui;

import dev.servelab.engine.cli.DbOption;

import java.nio.file.Path;
import java.util.List;

/**
 * How {@code servelab gui} was started: a pipeline to open, whether to run it, a PNG to write of the
 * window (then exit), which view to show, window size and theme, a registered device to probe in the Devices tab,
 * at most how many requests a run uses, and the stored experiment the Experiments view shows.
 * Build it with {@link #builder()}: every option has the default {@code servelab gui} gives it.
 */
public record GuiOptions(Path open, boolean run, Path screenshot, Path db, String view, String zoom, Long showRun,
                         List<Long> compare,
                         int width, int height, boolean dark, boolean bench, double shootAt, boolean simVsLive, String mode,
                         String probe, long requests, Long experiment) {
    public GuiOptions {
        compare = List.copyOf(compare);
    }

    /** True when the session ends by itself (a screenshot or the render benchmark): errors go to stderr, not dialogs. */
    public boolean scripted() {
        return screenshot != null || bench;
    }

    /** Options with the command line's defaults: the quickstart pipeline, the default store, 1440×900, light, view auto. */
    public static Builder builder() {
        return new Builder();
    }

    /** Named setters for {@link GuiOptions}; unset options keep the defaults of {@code servelab gui}. */
    public static final class Builder {
        private Path open;
        private boolean run;
        private Path screenshot;
        private Path db = DbOption.defaultPath();
        private String view = "auto";
        private String zoom;
        private Long showRun;
        private List<Long> compare = List.of();
        private int width = 1440;
        private int height = 900;
        private boolean dark;
        private boolean bench;
        private double shootAt;
        private boolean simVsLive;
        private String mode;
        private String probe;
        private long requests;
        private Long experiment;

        private Builder() {
        }

        /** The pipeline file to open (null: the quickstart example). */
        public Builder open(Path v) {
            open = v;
            return this;
        }

        /** Run the pipeline right away. */
        public Builder run(boolean v) {
            run = v;
            return this;
        }

        /** Write a PNG of the window here once the view is ready, then exit. */
        public Builder screenshot(Path v) {
            screenshot = v;
            return this;
        }

        /** The run store. */
        public Builder db(Path v) {
            db = v;
            return this;
        }

        /** editor, sla, timeline, cache, runs, devices, experiments, ab, or auto. */
        public Builder view(String v) {
            view = v;
            return this;
        }

        /** Timeline zoom: {@code tokens} or {@code SECONDSs}. */
        public Builder zoom(String v) {
            zoom = v;
            return this;
        }

        /** The stored run to show (null: the newest). */
        public Builder showRun(Long v) {
            showRun = v;
            return this;
        }

        /** Stored runs to compare in the Runs view. */
        public Builder compare(List<Long> v) {
            compare = v;
            return this;
        }

        /** Window size in pixels. */
        public Builder size(int w, int h) {
            width = w;
            height = h;
            return this;
        }

        /** Window size as the command line writes it, {@code WxH}. */
        public Builder size(String wxh) {
            String[] wh = wxh.toLowerCase().split("x");
            return size(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        }

        /** Start with the dark theme. */
        public Builder dark(boolean v) {
            dark = v;
            return this;
        }

        /** Run the timeline render benchmark and exit. */
        public Builder bench(boolean v) {
            bench = v;
            return this;
        }

        /** With run and screenshot: take the PNG this many seconds after the run starts, then cancel. */
        public Builder shootAt(double v) {
            shootAt = v;
            return this;
        }

        /** Runs view: a live run against the simulated run of the same pipeline. */
        public Builder simVsLive(boolean v) {
            simVsLive = v;
            return this;
        }

        /** Run mode: sim, jvm or tornadovm (null: as the window starts, simulation). */
        public Builder mode(String v) {
            mode = v;
            return this;
        }

        /** Devices view: probe this registered device. */
        public Builder probe(String v) {
            probe = v;
            return this;
        }

        /** With run: use at most this many requests of the workload (0 = all), as {@code run --requests}. */
        public Builder requests(long v) {
            requests = v;
            return this;
        }

        /** Experiments view: show this stored experiment (null: the newest). */
        public Builder experiment(Long v) {
            experiment = v;
            return this;
        }

        public GuiOptions build() {
            return new GuiOptions(open, run, screenshot, db, view, zoom, showRun, compare, width, height, dark, bench, shootAt,
                    simVsLive, mode, probe, requests, experiment);
        }
    }
}
