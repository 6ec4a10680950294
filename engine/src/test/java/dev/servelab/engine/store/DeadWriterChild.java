package dev.servelab.engine.store;

import java.nio.file.Path;

/**
 * A child JVM for {@link RunStoreRecoveryTest}: begins a run in the store named by its argument,
 * prints {@code began <id>} and then stays alive (a writer in the middle of its run) until killed.
 */
public final class DeadWriterChild {
    private DeadWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        RunStore store = RunStore.open(Path.of(args[0]));
        long id = store.beginRun(new NewRun("killed", "sim", 1, "workload.poisson", 1, 1000, "{}", "{}"));
        System.out.println("began " + id);
        System.out.flush();
        Thread.sleep(600_000);
    }
}
