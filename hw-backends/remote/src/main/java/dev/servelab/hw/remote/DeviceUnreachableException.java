package dev.servelab.hw.remote;

/** A device that does not answer at the start of a run or a probe; the message names it and says why, in one line. */
public final class DeviceUnreachableException extends RuntimeException {
    public DeviceUnreachableException(String message) {
        super(message);
    }
}
