package dev.servelab.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of a sweep: its index (its {@code point_id} within the experiment) and the value of each
 * axis, plus {@code seed} when the sweep lists seeds, in axis order. {@link #key()} identifies the point
 * across re-runs of the same sweep.
 */
public record PointPlan(int index, LinkedHashMap<String, JsonNode> params) {

    /** The {@code --set} assignments that make this point's pipeline from the base. */
    public List<String> assignments() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : params.entrySet()) out.add(e.getKey() + "=" + e.getValue().toString());
        return out;
    }

    /** A stable text key: the assignments joined. */
    public String key() {
        return String.join(";", assignments());
    }
}
