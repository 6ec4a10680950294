package dev.servelab.hw.perf.profile;

import dev.servelab.hw.perf.catalog.CatalogException;
import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.operator.Operator;
import dev.servelab.hw.perf.operator.OperatorCosts;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;

/**
 * Finds which catalog model a profile was measured on, from the FLOPs its matrix-product lines
 * record (profiles name models informally, e.g. {@code llama3-8b}). The first catalog model, in
 * id order, whose {@code qkv_proj}, {@code attn_out}, {@code mlp_up_gate}, {@code mlp_down} and
 * {@code lm_head} FLOPs all match within 0.1 % wins.
 */
public final class ProfileModels {
    private ProfileModels() {}

    public static ModelSpec identify(Profile profile, ModelCatalog catalog) {
        for (String id : catalog.ids()) {
            ModelSpec m = catalog.get(id);
            if (matches(profile, m)) {
                return m;
            }
        }
        throw new CatalogException(profile.source() + ": no catalog model matches the FLOPs recorded in this profile;"
                + " pass --model with the model's id or config.json");
    }

    public static boolean matches(Profile profile, ModelSpec m) {
        OperatorCosts costs = new OperatorCosts(m, Deployment.single());
        int checked = 0;
        for (ProfilePoint p : profile.points()) {
            if (Double.isNaN(p.flops()) || p.isDecode()) {
                continue;
            }
            Operator op;
            try {
                op = Operator.parse(p.op());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (op.operatorClass() != dev.servelab.hw.perf.roofline.OperatorClass.GEMM) {
                continue;
            }
            double expected = costs.flops(op, p.tokens());
            if (Math.abs(expected - p.flops()) > 1e-3 * p.flops()) {
                return false;
            }
            checked++;
        }
        return checked > 0;
    }
}
