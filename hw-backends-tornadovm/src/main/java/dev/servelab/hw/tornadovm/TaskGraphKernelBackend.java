package dev.servelab.hw.tornadovm;

import static uk.ac.manchester.tornado.api.enums.DataTransferMode.EVERY_EXECUTION;
import static uk.ac.manchester.tornado.api.enums.DataTransferMode.FIRST_EXECUTION;

import dev.servelab.hw.backend.AttentionArgs;
import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.kernels.AttentionKernels;
import java.util.List;
import uk.ac.manchester.tornado.api.TaskGraph;

/**
 * Each operation as one TornadoVM TaskGraph over the unchanged kernel methods of
 * {@link dev.servelab.hw.kernels}, each kernel's whole range in one launch: {@link DeviceKernels}
 * calls them from a loop TornadoVM maps to device threads. Weights go to the
 * device on a graph's first execution only; activations every execution; outputs come back every
 * execution. Graphs are cached by {@link TaskGraphPlans}: callers should pass stable arrays and
 * shapes ({@link BucketedKernelBackend} does), or every call compiles a new graph.
 */
final class TaskGraphKernelBackend implements KernelBackend {
    private static final int PLAN_CAPACITY = 512;
    private final String device;
    private final TaskGraphPlans plans = new TaskGraphPlans(PLAN_CAPACITY);
    private boolean closed;

    TaskGraphKernelBackend(String device) {
        this.device = device;
    }

    @Override
    public String name() {
        return TornadoKernelBackendProvider.NAME;
    }

    @Override
    public String describe() {
        return "device=\"" + device + "\" kernels=TornadoVM TaskGraphs";
    }

    @Override
    public void matmulF32(float[] w, float[] x, float[] out, int rows, int cols, int tokens) {
        plans.execute(List.of("matmulF32", w, x, out, rows, cols, tokens), name -> new TaskGraph(name)
                .transferToDevice(FIRST_EXECUTION, w, out)
                .transferToDevice(EVERY_EXECUTION, x)
                .task("matmul", DeviceKernels::matmulF32, w, x, out, rows, cols, tokens)
                .transferToHost(EVERY_EXECUTION, out));
    }

    @Override
    public void matmulQ8(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens) {
        plans.execute(List.of("matmulQ8", qs, scales, x, out, rows, cols, tokens), name -> new TaskGraph(name)
                .transferToDevice(FIRST_EXECUTION, qs, scales, out)
                .transferToDevice(EVERY_EXECUTION, x)
                .task("matmul", DeviceKernels::matmulQ8, qs, scales, x, out, rows, cols, tokens)
                .transferToHost(EVERY_EXECUTION, out));
    }

    @Override
    public void gatherF32(float[] table, int[] rowIndex, float[] out, int dim, int count) {
        plans.execute(List.of("gatherF32", table, rowIndex, out, dim, count), name -> new TaskGraph(name)
                .transferToDevice(FIRST_EXECUTION, table, out)
                .transferToDevice(EVERY_EXECUTION, rowIndex)
                .task("gather", DeviceKernels::gatherF32, table, rowIndex, out, dim, count * dim)
                .transferToHost(EVERY_EXECUTION, out));
    }

    @Override
    public void gatherQ8(byte[] qs, float[] scales, int[] rowIndex, float[] out, int dim, int count) {
        plans.execute(List.of("gatherQ8", qs, scales, rowIndex, out, dim, count), name -> new TaskGraph(name)
                .transferToDevice(FIRST_EXECUTION, qs, scales, out)
                .transferToDevice(EVERY_EXECUTION, rowIndex)
                .task("gather", DeviceKernels::gatherQ8, qs, scales, rowIndex, out, dim, count * dim)
                .transferToHost(EVERY_EXECUTION, out));
    }

    @Override
    public void selectRows(float[] x, int[] rowIndex, float[] out, int dim, int count) {
        plans.execute(List.of("selectRows", x, rowIndex, out, dim, count), name -> new TaskGraph(name)
                .transferToDevice(FIRST_EXECUTION, out)
                .transferToDevice(EVERY_EXECUTION, x, rowIndex)
                .task("select", DeviceKernels::gatherF32, x, rowIndex, out, dim, count * dim)
                .transferToHost(EVERY_EXECUTION, out));
    }

    @Override
    public void rmsNorm(float[] x, float[] inv, float[] weight, float[] out, int dim, float eps, int rows) {
        plans.execute(List.of("rmsNorm", x, inv, weight, out, dim, eps, rows), name -> new TaskGraph(name)
                .transferToDevice(FIRST_EXECUTION, weight, inv, out)
                .transferToDevice(EVERY_EXECUTION, x)
                .task("inverse", DeviceKernels::rmsInverse, x, inv, dim, eps, rows)
                .task("scale", DeviceKernels::rmsScale, x, inv, weight, out, dim, rows * dim)
                .transferToHost(EVERY_EXECUTION, out));
    }

    @Override
    public void rope(float[] vec, int[] positions, float[] freqFactors, int heads, int headDim, float theta,
                     int tokens) {
        int pairs = tokens * heads * headDim / 2;
        plans.execute(List.of("rope", vec, positions, freqFactors, heads, headDim, theta, tokens),
                name -> new TaskGraph(name)
                        .transferToDevice(FIRST_EXECUTION, freqFactors)
                        .transferToDevice(EVERY_EXECUTION, vec, positions)
                        .task("rope", DeviceKernels::rope, vec, positions, freqFactors, heads, headDim, theta, pairs)
                        .transferToHost(EVERY_EXECUTION, vec));
    }

    @Override
    public void attention(AttentionArgs a) {
        int rows = a.tokens() * a.heads();
        float[] q = a.q(), kc = a.kCache(), vc = a.vCache(), scores = a.scores(), out = a.out();
        int[] pos = a.positions(), seq = a.tokenSeq(), tables = a.blockTables(), lengths = a.lengths();
        int maxBlocks = a.maxBlocks(), bs = a.blockSize(), heads = a.heads(), kvHeads = a.kvHeads();
        int hd = a.headDim(), stride = a.stride();
        // The K/V scatter runs on the host, before the graph: TornadoVM does not copy a kernel
        // argument to the device when the kernel only writes it (its dataflow analysis deduces
        // WRITE_ONLY and allocates a fresh buffer, ignoring transferToDevice), so a device kvWrite
        // saw a cache holding only the new slots and sent that back over the real one. The whole
        // cache travels to the device on every call anyway; now it does not travel back.
        AttentionKernels.kvWrite(a.k(), a.v(), kc, vc, a.slots(), a.kvDim(), 0, a.tokens() * a.kvDim());
        plans.execute(List.of("attention", q, kc, vc, pos, seq, tables, lengths, scores, out,
                maxBlocks, bs, heads, kvHeads, hd, a.tokens(), stride), name -> new TaskGraph(name)
                .transferToDevice(FIRST_EXECUTION, scores, out)
                .transferToDevice(EVERY_EXECUTION, q, kc, vc, pos, seq, tables, lengths)
                .task("scores", DeviceKernels::scores, q, kc, scores, pos, seq, tables, maxBlocks, bs, heads,
                        kvHeads, hd, stride, rows)
                .task("softmax", DeviceKernels::softmaxRows, scores, lengths, stride, rows)
                .task("values", DeviceKernels::values, scores, vc, out, pos, seq, tables, maxBlocks, bs, heads,
                        kvHeads, hd, stride, rows)
                .transferToHost(EVERY_EXECUTION, out));
    }

    @Override
    public void swiglu(float[] gate, float[] up, int n) {
        plans.execute(List.of("swiglu", gate, up, n), name -> new TaskGraph(name)
                .transferToDevice(EVERY_EXECUTION, gate, up)
                .task("swiglu", DeviceKernels::swiglu, gate, up, n)
                .transferToHost(EVERY_EXECUTION, gate));
    }

    @Override
    public void addInPlace(float[] x, float[] y, int n) {
        plans.execute(List.of("addInPlace", x, y, n), name -> new TaskGraph(name)
                .transferToDevice(EVERY_EXECUTION, x, y)
                .task("add", DeviceKernels::addInPlace, x, y, n)
                .transferToHost(EVERY_EXECUTION, x));
    }

    @Override
    public void argmaxRows(float[] logits, int[] out, int vocab, int rows) {
        plans.execute(List.of("argmaxRows", logits, out, vocab, rows), name -> new TaskGraph(name)
                .transferToDevice(FIRST_EXECUTION, out)
                .transferToDevice(EVERY_EXECUTION, logits)
                .task("argmax", DeviceKernels::argmaxRows, logits, out, vocab, rows)
                .transferToHost(EVERY_EXECUTION, out));
    }

    /** TaskGraphs compiled so far. */
    long graphsBuilt() {
        return plans.graphsBuilt();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            plans.close();
        }
    }
}
