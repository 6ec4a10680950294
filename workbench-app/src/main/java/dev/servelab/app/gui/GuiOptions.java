package dev.servelab.app.gui;

import java.nio.file.Path;

/**
 * How {@code servelab gui} was started: a pipeline to open, whether to run it, a PNG to write of the
 * window (then exit), which view to show, window size and theme, a registered device to probe in the Devices tab.
 */
public record GuiOptions(Path open, boolean run, Path screenshot, Path db, String view, String zoom, Long showRun,
                         java.util.List<Long> compare,
                         int width, int height, boolean dark, boolean bench, double shootAt, boolean simVsLive, String mode,
                         String probe) {
    public boolean scripted() {
        return screenshot != null || bench;
    }
}
