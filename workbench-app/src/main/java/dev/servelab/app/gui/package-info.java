/**
 * The workbench shell: {@code servelab gui}, its options ({@link dev.servelab.app.gui.GuiOptions}), the JavaFX start
 * ({@link dev.servelab.app.gui.WorkbenchApp}), the services created once per window
 * ({@link dev.servelab.app.gui.WorkbenchServices}: plugins, run store, background loader, device registry, recent
 * files, theme), the view models built from them ({@link dev.servelab.app.gui.Workbench}), and the window that puts
 * the feature views in tabs with a toolbar, shortcuts, file and run commands, and the scripted screenshot mode.
 * The shell depends on every feature; no feature depends on it. Slow work goes through
 * {@link dev.servelab.app.gui.Background}: nothing blocks the JavaFX thread.
 */
package dev.servelab.app.gui;
