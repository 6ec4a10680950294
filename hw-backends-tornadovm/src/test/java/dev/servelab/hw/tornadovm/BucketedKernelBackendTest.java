package dev.servelab.hw.tornadovm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.servelab.hw.jvm.backend.JvmKernelBackend;
import dev.servelab.hw.jvm.gguf.GgmlType;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The padding and staging the TornadoVM backend relies on, checked without TornadoVM: the bucketed
 * backend over the JVM reference gives the reference's logits on iterations of changing shape (so
 * padded rows, the scratch KV block and the re-laid-out block tables change nothing).
 */
class BucketedKernelBackendTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F32", "Q8_0"})
    void bucketedShapesGiveTheReferenceLogits(GgmlType type) throws Exception {
        ForwardPassComparison.assertSameLogits(dir, type, new BucketedKernelBackend(JvmKernelBackend.reference()),
                JvmKernelBackend.reference());
    }

    @Test
    void bucketsArePowersOfTwo() {
        assertEquals(1, ShapeBuckets.bucket(0));
        assertEquals(1, ShapeBuckets.bucket(1));
        assertEquals(2, ShapeBuckets.bucket(2));
        assertEquals(4, ShapeBuckets.bucket(3));
        assertEquals(64, ShapeBuckets.bucket(33));
        assertEquals(64, ShapeBuckets.bucket(64));
    }
}
