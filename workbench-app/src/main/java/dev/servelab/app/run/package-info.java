/**
 * Running the open pipeline from the workbench, in simulation or live on a kernel backend: the runner on its own
 * thread ({@link dev.servelab.app.run.PipelineRunner}), the execution modes found here, and the status bar with
 * progress, ETA and headline numbers sampled once per frame ({@link dev.servelab.app.run.RunViewModel},
 * {@link dev.servelab.app.run.RunBar}, styled by {@code run.css}).
 */
package dev.servelab.app.run;
