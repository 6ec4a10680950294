package dev.servelab.experiments.spark;

import dev.servelab.experiments.engines.SweepEngine;
import dev.servelab.experiments.point.PointResult;
import dev.servelab.experiments.point.PointTask;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Runs a sweep's points as Spark jobs: waves of {@code max(16, 8 × default parallelism)} points, one
 * partition per point (so Spark balances points of unequal cost), tasks run by {@link DetachedPointRunner};
 * two waves are in flight at a time and each wave's results are stored as it ends, so progress shows and
 * Ctrl-C keeps every finished wave. The master is {@code --master} (e.g. {@code spark://HOST:7077}), else
 * {@code spark.master} when {@code spark-submit} set it, else {@code local[N]}. On Ctrl-C the job's
 * remaining points are skipped and the running job cancelled.
 */
public final class SparkEngine implements SweepEngine {
    /** Jobs submitted ahead, so executors never idle while the driver stores a finished wave. */
    private static final int WAVES_IN_FLIGHT = 2;

    @Override
    public String id() {
        return "spark";
    }

    @Override
    public boolean storesRuns() {
        return false;
    }

    @Override
    public void run(List<PointTask> tasks, Options options, Consumer<PointResult> sink) {
        if (tasks.isEmpty()) return;
        quietLogs();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SparkEngine.class.getClassLoader());
        try (JavaSparkContext sc = new JavaSparkContext(conf(options))) {
            int wave = Math.max(16, 8 * sc.defaultParallelism());
            Deque<JavaFutureAction<List<PointResult>>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < tasks.size() || !inFlight.isEmpty()) {
                while (inFlight.size() < WAVES_IN_FLIGHT && next < tasks.size() && !options.cancel().cancelled()) {
                    List<PointTask> part = tasks.subList(next, Math.min(tasks.size(), next + wave));
                    inFlight.add(sc.parallelize(part, part.size()).map(new DetachedPointRunner()).collectAsync());
                    next += part.size();
                }
                if (inFlight.isEmpty()) return;
                for (PointResult r : await(inFlight.poll())) sink.accept(r);
                if (options.cancel().cancelled()) {
                    sc.cancelAllJobs();
                    return;
                }
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static List<PointResult> await(JavaFutureAction<List<PointResult>> job) {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Spark job failed: " + e.getCause(), e.getCause());
        }
    }

    /** Spark logs through SLF4J; under the launcher's simple logger, only its warnings reach the terminal. */
    private static void quietLogs() {
        for (String prefix : List.of("org.apache.spark", "org.sparkproject", "io.netty", "org.apache.hadoop")) {
            System.setProperty("org.slf4j.simpleLogger.log." + prefix, System.getProperty("org.slf4j.simpleLogger.log." + prefix, "warn"));
        }
    }

    static SparkConf conf(Options options) {
        SparkConf conf = new SparkConf().setAppName("servelab-sweep");
        if (options.master() != null) conf.setMaster(options.master());
        else if (!conf.contains("spark.master")) conf.setMaster("local[" + options.threads() + "]");
        if (!conf.get("spark.master").startsWith("local") && !conf.contains("spark.jars")) conf.setJars(shippedJars());
        conf.setIfMissing("spark.ui.enabled", "false");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    /**
     * The jars a cluster's executors need: the one holding ServeLab (the launcher jar, or the experiments
     * module's jar) and this engine's jar. Executors bring Spark themselves.
     */
    static String[] shippedJars() {
        return java.util.stream.Stream.of(PointTask.class, SparkEngine.class)
                .map(c -> c.getProtectionDomain().getCodeSource())
                .filter(java.util.Objects::nonNull)
                .map(src -> src.getLocation().toString())
                .distinct().toArray(String[]::new);
    }
}
