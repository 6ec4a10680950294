package dev.servelab.engine.store;

import dev.servelab.engine.ServeLabException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes batches of rows on a thread of its own, each batch in one transaction, so a run's storage
 * overlaps its simulation instead of adding to it. The queue is bounded: a producer faster than the
 * disk waits rather than filling memory. A write failure is rethrown to the producer at its next call.
 */
final class StoreWriter implements AutoCloseable {
    /** Rows to write inside one transaction. */
    interface Batch {
        void write(Connection c) throws SQLException;
    }

    private static final Batch STOP = c -> { };
    private final Connection connection;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile Throwable failure;
    private final Object idle = new Object();
    private int pending;

    StoreWriter(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        thread = Thread.ofPlatform().daemon().name("servelab-store-writer").start(this::loop);
    }

    void submit(Batch batch) {
        rethrow();
        synchronized (idle) {
            pending++;
        }
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServeLabException("interrupted while storing the run", e);
        }
    }

    /** Waits until every submitted batch is committed; rethrows a write failure. */
    void drain() {
        synchronized (idle) {
            while (pending > 0 && failure == null) {
                try {
                    idle.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        rethrow();
    }

    private void loop() {
        while (true) {
            Batch b;
            try {
                b = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (b == STOP) return;
            try {
                if (failure == null) {
                    b.write(connection);
                    connection.commit();
                }
            } catch (Throwable t) {
                failure = t;
                rollbackQuietly();
            } finally {
                synchronized (idle) {
                    pending--;
                    idle.notifyAll();
                }
            }
        }
    }

    /** After a failed batch (e.g. SQLITE_FULL) SQLite may already have rolled back; either way no transaction stays open. */
    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // no transaction was active
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t != null) throw new ServeLabException("run store write failed: " + StoreErrors.describe(t), t);
    }

    @Override
    public void close() {
        try {
            queue.put(STOP);
            thread.join();
            if (failure != null) rollbackQuietly();
            connection.setAutoCommit(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // after a failed write the first failure is the one worth reporting
            if (failure == null) throw new ServeLabException("cannot close the run store writer: " + StoreErrors.describe(e), e);
        }
    }
}
