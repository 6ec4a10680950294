/**
 * The roofline with size-dependent efficiencies: a kernel takes
 * {@code launch + max(flops / (peak * computeEff(flops)), bytes / (bandwidth * memoryEff(bytes)))}
 * (Williams, Waterman and Patterson, "Roofline", CACM 2009), with one efficiency curve per
 * operator class, relative to the ceilings a device actually reaches.
 */
package dev.servelab.hw.perf.roofline;
