package dev.servelab.hw.tornadovm;

import static uk.ac.manchester.tornado.api.enums.DataTransferMode.EVERY_EXECUTION;

import dev.servelab.hw.backend.BackendProbe;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.runtime.TornadoRuntimeProvider;

/**
 * Asks TornadoVM's runtime for its default device and runs one small kernel there
 * ({@link DeviceKernels#addInPlace}), checking the result: a device "answers" only when it
 * computed. Touches TornadoVM classes, so it is called only behind a {@link LinkageError} guard.
 */
final class TornadoDeviceProbe {
    private static final int N = 64;

    private TornadoDeviceProbe() {
    }

    static BackendProbe probe() {
        TornadoDevice device = TornadoRuntimeProvider.getTornadoRuntime().getDefaultDevice();
        String name = deviceName(device);
        float[] x = new float[N];
        float[] y = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = i;
            y[i] = 0.5f * i;
        }
        TaskGraph graph = new TaskGraph("servelabProbe")
                .transferToDevice(EVERY_EXECUTION, x, y)
                .task("add", DeviceKernels::addInPlace, x, y, N)
                .transferToHost(EVERY_EXECUTION, x);
        try (TornadoExecutionPlan plan = new TornadoExecutionPlan(graph.snapshot())) {
            plan.execute();
        } catch (Exception e) {
            return BackendProbe.unavailable("TornadoVM's device " + name + " did not run a test kernel: " + e);
        }
        for (int i = 0; i < N; i++) {
            if (x[i] != 1.5f * i) {
                return BackendProbe.unavailable("TornadoVM's device " + name + " ran a test kernel but returned "
                        + x[i] + " for " + 1.5f * i + " at index " + i);
            }
        }
        return BackendProbe.ready(name);
    }

    private static String deviceName(TornadoDevice device) {
        return device.getPhysicalDevice().getDeviceName().trim() + " (" + device.getPlatformName().trim() + ", "
                + device.getDeviceName() + ")";
    }
}
