package dev.servelab.plugins.admission;

import dev.servelab.engine.model.Admission;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.AdmissionPolicy;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;

/** Admits every request (vLLM's behaviour: no admission control in front of the engine). */
@Plugin(id = "admission.accept-all", summary = "Admit every request")
public final class AcceptAllAdmission implements AdmissionPolicy {
    @Override
    public Admission decide(Request request, ClusterView cluster) {
        return Admission.ACCEPT;
    }
}
