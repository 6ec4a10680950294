package dev.servelab.app.data;

import dev.servelab.engine.store.BucketTable;
import dev.servelab.engine.store.IterationTable;
import dev.servelab.engine.store.RequestTable;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.TokenTable;

import java.util.List;

/** Everything the result views show for one run, loaded once off the JavaFX thread. */
public record RunData(RunInfo info, Summary summary, RequestTable requests, TokenTable tokens,
                      List<IterationTable> iterations, BucketTable buckets, Slo slo) {
}
