package dev.servelab.testkit;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;

/** Deliberately NOT listed in this module's test META-INF/services: {@link ServiceRegistrationsTest} must notice. */
@Plugin(id = "route.test-unregistered", summary = "Test router nobody registered")
public final class UnregisteredTestRouter implements Router {
    @Override
    public int route(Request request, ClusterView cluster) {
        return 0;
    }
}
