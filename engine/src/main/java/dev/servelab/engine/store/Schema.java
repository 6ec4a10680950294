package dev.servelab.engine.store;

/** The run store's tables; documented in {@code docs/run-store.md}. Bump {@link #VERSION} on any change. */
final class Schema {
    /**
     * 3: {@code request_cache_tiers} and {@code bucket_cache_tiers} (prefix hits loaded from the CPU and disk tiers;
     * a store of version 2 gains them, empty, when opened for writing; readers treat missing tables as no tier hits).
     */
    static final int VERSION = 3;

    static final String[] DDL = {
        """
        CREATE TABLE IF NOT EXISTS runs (
          run_id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL,
          mode TEXT NOT NULL,
          status TEXT NOT NULL,
          created_at TEXT NOT NULL,
          finished_at TEXT,
          seed INTEGER NOT NULL,
          workload TEXT,
          replicas INTEGER NOT NULL,
          bucket_ms INTEGER NOT NULL,
          pipeline_json TEXT NOT NULL,
          versions_json TEXT NOT NULL,
          summary_json TEXT,
          error TEXT,
          heartbeat_at TEXT,
          writer_lock TEXT)""",
        """
        CREATE TABLE IF NOT EXISTS requests (
          run_id INTEGER NOT NULL,
          request_id INTEGER NOT NULL,
          replica INTEGER NOT NULL,
          arrival_ns INTEGER NOT NULL,
          first_scheduled_ns INTEGER,
          first_token_ns INTEGER,
          finish_ns INTEGER,
          prompt_tokens INTEGER NOT NULL,
          output_tokens INTEGER NOT NULL,
          cached_tokens INTEGER NOT NULL,
          preemptions INTEGER NOT NULL,
          status TEXT NOT NULL,
          reason TEXT,
          tenant TEXT,
          slo_class TEXT)""",
        "CREATE INDEX IF NOT EXISTS requests_by_run ON requests(run_id)",
        """
        CREATE TABLE IF NOT EXISTS token_times (
          run_id INTEGER NOT NULL,
          request_id INTEGER NOT NULL,
          replica INTEGER NOT NULL,
          arrival_ns INTEGER NOT NULL,
          first_scheduled_ns INTEGER NOT NULL,
          tokens INTEGER NOT NULL,
          gaps BLOB NOT NULL,
          preempted_at BLOB,
          PRIMARY KEY (run_id, request_id))""",
        """
        CREATE TABLE IF NOT EXISTS iterations (
          run_id INTEGER NOT NULL,
          replica INTEGER NOT NULL,
          chunk INTEGER NOT NULL,
          first_start_ns INTEGER NOT NULL,
          count INTEGER NOT NULL,
          data BLOB NOT NULL,
          PRIMARY KEY (run_id, replica, chunk))""",
        """
        CREATE TABLE IF NOT EXISTS replica_buckets (
          run_id INTEGER NOT NULL,
          replica INTEGER NOT NULL,
          bucket INTEGER NOT NULL,
          iterations INTEGER NOT NULL,
          busy_ns INTEGER NOT NULL,
          prefill_tokens INTEGER NOT NULL,
          decode_tokens INTEGER NOT NULL,
          batch_size_sum INTEGER NOT NULL,
          kv_used_blocks_max INTEGER NOT NULL,
          kv_used_blocks_sum INTEGER NOT NULL,
          kv_capacity_blocks INTEGER NOT NULL,
          waiting_max INTEGER NOT NULL,
          lookup_tokens INTEGER NOT NULL,
          hit_tokens INTEGER NOT NULL,
          preemptions INTEGER NOT NULL,
          joules REAL NOT NULL,
          PRIMARY KEY (run_id, replica, bucket))""",
        """
        CREATE TABLE IF NOT EXISTS run_events (
          run_id INTEGER NOT NULL,
          at_ns INTEGER NOT NULL,
          kind TEXT NOT NULL,
          replica INTEGER NOT NULL,
          detail TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS run_events_by_run ON run_events(run_id, at_ns)",
        """
        CREATE TABLE IF NOT EXISTS request_cache_tiers (
          run_id INTEGER NOT NULL,
          request_id INTEGER NOT NULL,
          cached_tokens_cpu INTEGER NOT NULL,
          cached_tokens_disk INTEGER NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS request_cache_tiers_by_run ON request_cache_tiers(run_id)",
        """
        CREATE TABLE IF NOT EXISTS bucket_cache_tiers (
          run_id INTEGER NOT NULL,
          replica INTEGER NOT NULL,
          bucket INTEGER NOT NULL,
          hit_tokens_cpu INTEGER NOT NULL,
          hit_tokens_disk INTEGER NOT NULL,
          PRIMARY KEY (run_id, replica, bucket))""",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '" + VERSION + "')",
        "UPDATE meta SET value = '" + VERSION + "' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < " + VERSION,
    };

    /** Columns added since version 1, for stores created before them ({@code ALTER TABLE runs ADD COLUMN}). */
    static final String[][] ADDED_RUN_COLUMNS = {
        {"heartbeat_at", "TEXT"},
        {"writer_lock", "TEXT"},
    };

    private Schema() {
    }
}
