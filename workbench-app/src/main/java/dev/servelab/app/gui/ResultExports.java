package dev.servelab.app.gui;

import dev.servelab.app.data.RunData;
import dev.servelab.app.data.RunReader;
import dev.servelab.app.export.ChromeTrace;
import dev.servelab.app.export.Exports;
import dev.servelab.app.timeline.TimelineView;
import dev.servelab.app.timeline.TimelineViewModel;

import java.io.Writer;
import java.nio.file.Files;
import java.util.Locale;

/** The exports of runs: one table of a run as CSV, the timeline's visible window as a Chrome trace (Perfetto). */
final class ResultExports {
    private ResultExports() {
    }

    /** Table {@code what} (requests, tokens, iterations, buckets) of run {@code id} as CSV, written off the JavaFX thread. */
    static void table(javafx.scene.Node owner, RunReader store, long id, String what) {
        Exports.saveInBackground(owner, "run-" + id + "-" + what + ".csv", "CSV", "*.csv",
                file -> String.format(Locale.ROOT, "run %d · %,d %s rows", id, store.exportCsv(id, what, file), what));
    }

    static void chromeTrace(TimelineView view, Workbench wb) {
        RunData d = wb.shownProperty().get();
        if (d == null) return;
        TimelineViewModel vm = wb.timeline();
        long from = (long) Math.max(0, vm.startNanosProperty().get()), to = (long) vm.endNanosProperty().get();
        Exports.saveInBackground(view, "run-" + d.info().runId() + "-trace.json", "Chrome trace JSON (ui.perfetto.dev)", "*.json", file -> {
            try (Writer out = Files.newBufferedWriter(file)) {
                ChromeTrace.Written w = ChromeTrace.write(d, from, to, out);
                return String.format(Locale.ROOT, "%,d iterations, %,d requests, %,d cluster events from %.3f s to %.3f s · open it in ui.perfetto.dev",
                        w.iterations(), w.requests(), w.events(), from / 1e9, to / 1e9);
            }
        });
    }
}
