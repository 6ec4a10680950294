package dev.servelab.app.devices;

/** A probe that did not produce a profile; the message is the one line shown in the Devices tab. */
public final class DeviceProbeFailure extends RuntimeException {
    DeviceProbeFailure(String line, Throwable cause) {
        super(line, cause);
    }
}
