package dev.servelab.hw.perf.cli;

import dev.servelab.hw.perf.profile.Profile;
import dev.servelab.hw.perf.profile.ProfileReader;
import dev.servelab.hw.perf.vidur.VidurProfileReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --profile} option of calibrate and fidelity: a ServeLab JSON-lines profile, or a
 * Vidur {@code mlp.csv} (any {@code .csv}) with {@code --vidur-attention attention.csv} and
 * {@code --profile-tp N}, the tensor-parallel degree whose rows to use.
 */
public final class ProfileOptions {
    @Option(names = "--profile",
            description = "profile: JSON lines (shared/profiles/README.md) or a Vidur mlp.csv")
    Path profile;

    @Option(names = "--vidur-attention", description = "with a Vidur mlp.csv: its attention.csv")
    Path vidurAttention;

    @Option(names = "--profile-tp", defaultValue = "1", description = "with a Vidur profile: the TP degree of the rows to use (default: ${DEFAULT-VALUE})")
    int profileTp;

    Profile read() {
        if (profile.toString().endsWith(".csv")) {
            return VidurProfileReader.read(profile, vidurAttention, profileTp);
        }
        return ProfileReader.read(profile);
    }
}
