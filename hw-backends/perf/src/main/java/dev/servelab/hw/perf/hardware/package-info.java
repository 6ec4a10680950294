/**
 * The hardware catalog: one file per device with its vendor datasheet figures (dense tensor
 * FLOP/s in bf16, fp16 and fp8; memory size and bandwidth; scale-up and scale-out links; TDP; an
 * hourly price setting), each citing its source, and an optional calibration block fitted to a
 * measured profile. {@code this-cpu} is measured on first use by a micro-benchmark.
 * Datasheets cited in the files: NVIDIA A100, H100, H200, DGX/HGX B200, L4, L40S, Ada (RTX 4090)
 * whitepaper, Jetson AGX Orin and Orin Nano; AMD Instinct MI300X; Apple M4 Max; Raspberry Pi 5.
 */
package dev.servelab.hw.perf.hardware;
