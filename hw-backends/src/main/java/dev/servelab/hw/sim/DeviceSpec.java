package dev.servelab.hw.sim;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Peak dense bf16 FLOP/s, memory and bandwidth of a few accelerators, from the vendors' datasheets
 * (NVIDIA A100, H100 SXM, H200). The full hardware catalog lives in the performance model.
 */
record DeviceSpec(String id, double bf16FlopsPerS, double memoryBytesPerS, double memoryBytes, double tdpWatts) {
    private static final Map<String, DeviceSpec> KNOWN = new TreeMap<>();

    static {
        add(new DeviceSpec("a100-80gb", 312e12, 2.039e12, 80e9, 400));
        add(new DeviceSpec("h100-sxm", 989e12, 3.35e12, 80e9, 700));
        add(new DeviceSpec("h200", 989e12, 4.8e12, 141e9, 700));
    }

    private static void add(DeviceSpec d) {
        KNOWN.put(d.id, d);
    }

    static DeviceSpec byId(String id) {
        return KNOWN.get(id);
    }

    static List<String> ids() {
        return List.copyOf(KNOWN.keySet());
    }
}
