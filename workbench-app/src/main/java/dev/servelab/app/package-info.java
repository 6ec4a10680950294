/**
 * The {@code servelab} launcher and the JavaFX workbench. {@link dev.servelab.app.Launcher} hands the command line
 * to the engine's CLI; the workbench is a shell ({@code gui}) over one package per feature: the pipeline
 * editor ({@code editor}), the run status bar ({@code run}), the SLA charts ({@code sla}), the per-token timeline
 * ({@code timeline}), the cache hit map ({@code cache}), the runs browser and comparison ({@code runs}) and the
 * device registry ({@code devices}). Features read stored runs through {@code data} and never depend on the shell.
 */
package dev.servelab.app;
