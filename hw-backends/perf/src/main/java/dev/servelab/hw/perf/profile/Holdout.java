package dev.servelab.hw.perf.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a profile for a hold-out check of the calibration: within each operator, points
 * sorted by size (tokens, then batch and context) alternate between the fitting half (even
 * positions, so the smallest size is always fitted) and the checking half.
 */
public final class Holdout {
    private Holdout() {}

    /** {fitting half, checking half}. */
    public static Profile[] split(Profile p) {
        Map<String, List<ProfilePoint>> byOp = new TreeMap<>();
        p.points().forEach(pt -> byOp.computeIfAbsent(pt.op(), k -> new ArrayList<>()).add(pt));
        List<ProfilePoint> fit = new ArrayList<>();
        List<ProfilePoint> check = new ArrayList<>();
        Comparator<ProfilePoint> bySize = Comparator.comparingInt(ProfilePoint::tokens)
                .thenComparingInt(ProfilePoint::batch).thenComparingInt(ProfilePoint::context);
        for (List<ProfilePoint> pts : byOp.values()) {
            pts.sort(bySize);
            for (int i = 0; i < pts.size(); i++) {
                (i % 2 == 0 ? fit : check).add(pts.get(i));
            }
        }
        return new Profile[] {
            new Profile(p.source(), fit, p.gemmFlopsPerS(), p.copyBytesPerS(), p.tensorParallel(), p.launchIncluded()),
            new Profile(p.source() + " (held out)", check, p.gemmFlopsPerS(), p.copyBytesPerS(), p.tensorParallel(), p.launchIncluded())
        };
    }
}
