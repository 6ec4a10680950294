package dev.servelab.experiments.spark;

import dev.servelab.experiments.engines.SweepEngine;
import dev.servelab.experiments.point.PointResult;
import dev.servelab.experiments.point.PointTask;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a sweep's points as a Spark job: one partition per point (so Spark balances points of unequal
 * cost), tasks run by {@link DetachedPointRunner}, results streamed back to the driver in partition order
 * with {@code toLocalIterator}. The master is {@code --master} (e.g. {@code spark://HOST:7077}), else
 * {@code spark.master} when {@code spark-submit} set it, else {@code local[N]}. On Ctrl-C the job's
 * remaining points are skipped and the running job cancelled.
 */
public final class SparkEngine implements SweepEngine {
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
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SparkEngine.class.getClassLoader());
        try (JavaSparkContext sc = new JavaSparkContext(conf(options))) {
            sc.setLogLevel("WARN");
            JavaRDD<PointResult> results = sc.parallelize(tasks, tasks.size()).map(new DetachedPointRunner());
            Iterator<PointResult> it = results.toLocalIterator();
            while (it.hasNext()) {
                if (options.cancel().cancelled()) {
                    sc.cancelAllJobs();
                    return;
                }
                sink.accept(it.next());
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    static SparkConf conf(Options options) {
        SparkConf conf = new SparkConf().setAppName("servelab-sweep");
        if (options.master() != null) conf.setMaster(options.master());
        else if (!conf.contains("spark.master")) conf.setMaster("local[" + options.threads() + "]");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.driver.host", "127.0.0.1");
        conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        return conf;
    }
}
