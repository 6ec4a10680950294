package dev.servelab.hw.perf.cli;

import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.PerformanceModel;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.profile.Profile;
import dev.servelab.hw.perf.profile.ProfileModels;
import dev.servelab.hw.perf.profile.ProfileReader;
import dev.servelab.hw.perf.profile.ProfileTable;
import java.nio.file.Path;

/** Resolves the ids and files the commands take into a {@link PerformanceModel}. */
final class ModelLoading {
    private ModelLoading() {}

    static PerformanceModel build(String modelId, String hardwareId, Deployment d, Path profileFile) {
        ModelSpec model = ModelCatalog.standard().get(modelId);
        HardwareSpec hw = HardwareCatalog.standard().get(hardwareId);
        PerformanceModel pm = PerformanceModel.of(model, hw, d);
        if (profileFile != null) {
            pm = pm.withProfile(new ProfileTable(ProfileReader.read(profileFile)));
        }
        return pm;
    }

    /** The model given by {@code --model}, or the catalog model whose shapes the profile records. */
    static ModelSpec modelFor(Profile profile, String modelId) {
        ModelCatalog catalog = ModelCatalog.standard();
        return modelId != null ? catalog.get(modelId) : ProfileModels.identify(profile, catalog);
    }
}
