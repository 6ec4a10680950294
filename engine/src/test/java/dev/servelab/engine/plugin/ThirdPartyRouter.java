package dev.servelab.engine.plugin;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;
import dev.servelab.engine.spi.Setting;

/** A plugin written the way a third party would write one, registered in test META-INF/services. */
@Plugin(id = "route.third-party-sticky", summary = "Always the same replica (test plugin)")
public final class ThirdPartyRouter implements Router {
    public record Settings(@Setting(summary = "replica to use", unit = "replica", min = 0) int preferredReplica,
                           @Setting(summary = "a label") String label) {
        public Settings() {
            this(0, "x");
        }
    }

    private final Settings settings;

    public ThirdPartyRouter() {
        this(new Settings());
    }

    public ThirdPartyRouter(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    @Override
    public int route(Request request, ClusterView cluster) {
        return settings.preferredReplica();
    }
}
