package dev.servelab.engine.spi;

import dev.servelab.engine.model.Admission;
import dev.servelab.engine.model.Request;

/** Decides, on arrival, whether a request enters the cluster. Plugin ids {@code admission.*}. */
public interface AdmissionPolicy {
    Admission decide(Request request, ClusterView cluster);
}
