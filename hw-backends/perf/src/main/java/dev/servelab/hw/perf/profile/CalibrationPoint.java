package dev.servelab.hw.perf.profile;

import dev.servelab.hw.perf.roofline.OperatorClass;

/** One measured kernel reduced to what the roofline sees: its class, FLOPs, bytes and measured ns. */
public record CalibrationPoint(OperatorClass operatorClass, double flops, double bytes, double measuredNanos, String label) {}
