package dev.servelab.hw.tornadovm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.servelab.hw.backend.AttentionArgs;
import dev.servelab.hw.backend.BackendProbe;
import dev.servelab.hw.jvm.backend.JvmKernelBackend;
import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.jvm.backend.KernelBackends;
import dev.servelab.hw.jvm.gguf.GgmlType;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kernels on TornadoVM's device against the JVM reference, within 1e-4: each operation on
 * random data, then whole forward passes of the generated tiny model. Skipped, with the reason, when
 * the JVM does not run under TornadoVM or no device answers (docs/tornadovm.md shows how to run it),
 * except with {@code -Dtornadovm.home}, whose tests must run. Each test prints its largest difference.
 */
class TornadoDeviceMatchesJvmTest {
    private final SplittableRandom rng = new SplittableRandom(42);
    private KernelBackend device;
    private KernelBackend jvm;
    @TempDir
    Path dir;

    @BeforeEach
    void openBackends() {
        Tolerance.resetStatistics();
        BackendProbe probe = KernelBackends.probe("tornadovm");
        if (Boolean.getBoolean("servelab.tornadovm.required")) {
            assertTrue(probe.available(), "the tests run with -Dtornadovm.home, but " + probe.reason());
        }
        assumeTrue(probe.available(), "TornadoVM is absent, device comparison skipped: " + probe.reason()
                + " (run the tests under TornadoVM: see docs/tornadovm.md)");
        device = KernelBackends.open("tornadovm");
        jvm = JvmKernelBackend.reference();
    }

    @AfterEach
    void close(TestInfo test) {
        if (Tolerance.compared() > 0) {
            String name = test.getTestMethod().map(m -> m.getName()).orElse("")
                    + (test.getDisplayName().startsWith("[") ? " " + test.getDisplayName() : "");
            System.out.printf("TornadoVM device vs JVM reference, %s: %d values, max |difference| = %.3g%n", name,
                    Tolerance.compared(), Tolerance.maxAbsDifference());
            Tolerance.resetStatistics();
        }
        if (device != null) {
            device.close();
            jvm.close();
        }
    }

    @Test
    void matmulsMatch() {
        int rows = 96, cols = 64, tokens = 5;
        float[] w = random(rows * cols), x = random(tokens * cols);
        float[] want = new float[tokens * rows], got = new float[tokens * rows];
        jvm.matmulF32(w, x, want, rows, cols, tokens);
        device.matmulF32(w, x, got, rows, cols, tokens);
        Tolerance.assertClose("matmulF32", want, got, want.length);

        byte[] qs = new byte[rows * cols];
        for (int i = 0; i < qs.length; i++) qs[i] = (byte) rng.nextInt(-127, 128);
        float[] scales = random(rows * cols / 32);
        jvm.matmulQ8(qs, scales, x, want, rows, cols, tokens);
        device.matmulQ8(qs, scales, x, got, rows, cols, tokens);
        Tolerance.assertClose("matmulQ8", want, got, want.length);
    }

    @Test
    void normRopeActivationsAndArgmaxMatch() {
        int dim = 64, rows = 3, heads = 4, headDim = 16;
        float[] x = random(rows * dim), weight = random(dim);
        float[] want = new float[rows * dim], got = new float[rows * dim];
        jvm.rmsNorm(x, new float[rows], weight, want, dim, 1e-5f, rows);
        device.rmsNorm(x, new float[rows], weight, got, dim, 1e-5f, rows);
        Tolerance.assertClose("rmsNorm", want, got, want.length);

        int[] positions = {0, 7, 300};
        float[] factors = new float[headDim / 2];
        java.util.Arrays.fill(factors, 1f);
        float[] vWant = random(rows * heads * headDim), vGot = vWant.clone();
        jvm.rope(vWant, positions, factors, heads, headDim, 10000f, rows);
        device.rope(vGot, positions, factors, heads, headDim, 10000f, rows);
        Tolerance.assertClose("rope", vWant, vGot, vWant.length);

        float[] gate = random(200), up = random(200), gate2 = gate.clone();
        jvm.swiglu(gate, up, 200);
        device.swiglu(gate2, up, 200);
        Tolerance.assertClose("swiglu", gate, gate2, 200);

        float[] a = random(200), b = random(200), a2 = a.clone();
        jvm.addInPlace(a, b, 200);
        device.addInPlace(a2, b, 200);
        Tolerance.assertClose("addInPlace", a, a2, 200);

        float[] logits = random(3 * 50);
        int[] iWant = new int[3], iGot = new int[3];
        jvm.argmaxRows(logits, iWant, 50, 3);
        device.argmaxRows(logits, iGot, 50, 3);
        Tolerance.assertSame("argmaxRows", iWant, iGot, 3);

        float[] table = random(20 * dim);
        int[] pick = {4, 19, 0};
        jvm.gatherF32(table, pick, want, dim, 3);
        device.gatherF32(table, pick, got, dim, 3);
        Tolerance.assertClose("gatherF32", want, got, 3 * dim);
        jvm.selectRows(table, pick, want, dim, 3);
        device.selectRows(table, pick, got, dim, 3);
        Tolerance.assertClose("selectRows", want, got, 3 * dim);
    }

    @Test
    void pagedAttentionMatches() {
        int heads = 4, kvHeads = 2, headDim = 16, kvDim = kvHeads * headDim, block = 4, blocks = 8;
        int[] positions = {5, 6, 2}, tokenSeq = {0, 0, 1};
        int[] tables = {3, 1, 0, 6, 0, 0};
        int maxBlocks = 3, stride = 7, tokens = 3;
        int[] slots = new int[tokens], lengths = new int[tokens * heads];
        for (int t = 0; t < tokens; t++) {
            int p = positions[t];
            slots[t] = tables[tokenSeq[t] * maxBlocks + p / block] * block + p % block;
            for (int h = 0; h < heads; h++) lengths[t * heads + h] = p + 1;
        }
        float[] kc = random(blocks * block * kvDim), vc = random(blocks * block * kvDim);
        float[] kc2 = kc.clone(), vc2 = vc.clone();
        float[] q = random(tokens * heads * headDim), k = random(tokens * kvDim), v = random(tokens * kvDim);
        float[] want = new float[tokens * heads * headDim], got = new float[want.length];
        jvm.attention(new AttentionArgs(q, k, v, kc, vc, slots, positions, tokenSeq, tables, maxBlocks, block, heads,
                kvHeads, headDim, tokens, stride, new float[tokens * heads * stride], lengths, want));
        device.attention(new AttentionArgs(q, k, v, kc2, vc2, slots, positions, tokenSeq, tables, maxBlocks, block,
                heads, kvHeads, headDim, tokens, stride, new float[tokens * heads * stride], lengths, got));
        Tolerance.assertClose("attention", want, got, want.length);
        Tolerance.assertClose("kCache", kc, kc2, kc.length);
        Tolerance.assertClose("vCache", vc, vc2, vc.length);
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F32", "Q8_0"})
    void forwardPassesMatch(GgmlType type) throws Exception {
        KernelBackend owned = device;
        device = null;
        jvm.close();
        ForwardPassComparison.assertSameLogits(dir, type, owned, JvmKernelBackend.reference());
    }

    private float[] random(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rng.nextDouble(-1, 1);
        return a;
    }
}
