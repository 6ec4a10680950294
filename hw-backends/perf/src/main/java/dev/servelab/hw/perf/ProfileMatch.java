package dev.servelab.hw.perf;

import dev.servelab.hw.perf.operator.OperatorCosts;
import dev.servelab.hw.perf.operator.Operator;
import dev.servelab.hw.perf.catalog.CatalogException;
import dev.servelab.hw.perf.profile.Profile;
import dev.servelab.hw.perf.profile.ProfilePoint;

/**
 * Checks that a profile was measured for the model it is attached to: every point that records
 * its FLOPs (matrix products) or KV bytes (decode attention) must agree with what
 * {@link OperatorCosts} computes for this model within 1 %. A profile of another model would
 * otherwise silently replace this model's operator times.
 */
final class ProfileMatch {
    private ProfileMatch() {}

    static void check(Profile profile, OperatorCosts costs, String modelId) {
        for (ProfilePoint p : profile.points()) {
            Operator op;
            try {
                op = Operator.parse(p.op());
            } catch (IllegalArgumentException e) {
                continue;
            }
            double expected = Double.NaN;
            double recorded = Double.NaN;
            if (!Double.isNaN(p.flops()) && op.operatorClass() != null && !p.isDecode() && op != Operator.ATTN_PREFILL) {
                expected = costs.flops(op, p.tokens());
                recorded = p.flops();
            } else if (!Double.isNaN(p.kvBytes()) && op == Operator.ATTN_DECODE) {
                expected = costs.decodeBytes(p.batch(), (double) p.batch() * p.context())
                        - costs.decodeBytes(p.batch(), 0);
                recorded = p.kvBytes();
            }
            if (!Double.isNaN(expected) && Math.abs(expected - recorded) > 0.01 * recorded) {
                throw new CatalogException(profile.source() + ":" + p.line() + ": profile point " + p.op() + " "
                        + p.shape() + " records " + recorded + " but model " + modelId + " needs " + expected
                        + ": the profile was measured for a different model");
            }
        }
    }
}
