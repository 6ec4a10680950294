/**
 * The simulated hardware's performance model: how long one iteration of a transformer takes on
 * a given device, model and parallel layout.
 *
 * <p>{@link dev.servelab.hw.perf.PerformanceModel} decomposes an iteration into operators the way
 * Vidur does (Agrawal et al., "Vidur: A Large-Scale Simulation Framework for LLM Inference",
 * MLSys 2024, github.com/microsoft/vidur): per layer the norms, QKV projection, RoPE, prefill and
 * decode attention, output projection, MLP or mixture-of-experts, and the tensor-parallel
 * all-reduces; per iteration the embedding, the LM head for the sequences that emit a token,
 * sampling, pipeline send/recv and a CPU overhead. {@link dev.servelab.hw.perf.operator.OperatorCosts}
 * counts each operator's FLOPs and bytes; {@link dev.servelab.hw.perf.OperatorTimer} turns them
 * into time with the calibrated roofline of {@code roofline}, or with measured profile points
 * where a profile covers the shape. The KV-cache budget follows vLLM's sizing
 * ({@code memory}). {@link dev.servelab.hw.perf.operator.IterationShape} is the one input the engine's
 * simulated executor builds per iteration.
 *
 * <p>Catalog data lives in {@code servelab/hardware/} (one YAML file per device, datasheet
 * figures with sources) and {@code servelab/models/} (Hugging Face {@code config.json} files);
 * adding a device or a model is adding one file (docs/howto/).
 */
package dev.servelab.hw.perf;
