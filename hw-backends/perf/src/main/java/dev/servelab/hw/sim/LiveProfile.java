package dev.servelab.hw.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@code servelab calibrate --live} measured on a backend: its fitted iteration-time model and
 * KV capacity, written as JSON (snake_case keys) and read by {@code exec.calibrated}.
 */
public record LiveProfile(String backend, String modelFile, String device, int blockSizeTokens, int kvCapacityBlocks,
                          LinearIterationModel fit) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public static LiveProfile read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), LiveProfile.class);
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }
}
