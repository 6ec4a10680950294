package dev.servelab.engine.model;

import java.util.Arrays;

/**
 * One inference request as a workload or trace describes it.
 *
 * @param id              unique, stable id within a run
 * @param arrivalNanos    arrival time since the start of the run
 * @param promptTokens    input (context) length
 * @param outputTokens    number of tokens to generate (at least 1)
 * @param hashIds         chained prefix-block hashes of the prompt (each identifies the whole prefix
 *                        up to the end of its block, as in vLLM and the Mooncake trace); empty when unknown.
 *                        Copied on the way in and on the way out: read them with {@link #hashId(int)} and
 *                        {@link #hashCount()} on hot paths
 * @param hashBlockTokens tokens covered by one entry of {@code hashIds} (512 in Mooncake); 0 if none
 * @param sessionId       conversation or session id, or {@code null}
 * @param tenant          tenant name, or {@code null}
 * @param sloClass        SLO class name, or {@code null}
 * @param adapter         the LoRA adapter the request runs with, or {@code null} for the base model
 */
public record Request(long id, long arrivalNanos, int promptTokens, int outputTokens, long[] hashIds,
                      int hashBlockTokens, String sessionId, String tenant, String sloClass, AdapterId adapter) {
    private static final long[] NO_HASHES = new long[0];

    public Request {
        if (arrivalNanos < 0) throw new IllegalArgumentException("request " + id + ": negative arrival time");
        if (promptTokens < 1) throw new IllegalArgumentException("request " + id + ": prompt_tokens must be >= 1, was " + promptTokens);
        if (outputTokens < 1) throw new IllegalArgumentException("request " + id + ": output_tokens must be >= 1, was " + outputTokens);
        hashIds = hashIds == null || hashIds.length == 0 ? NO_HASHES : hashIds.clone();
        if (hashIds.length > 0 && hashBlockTokens < 1)
            throw new IllegalArgumentException("request " + id + ": hash_ids given without a block size");
    }

    /** A request on the base model (no LoRA adapter). */
    public Request(long id, long arrivalNanos, int promptTokens, int outputTokens, long[] hashIds,
                   int hashBlockTokens, String sessionId, String tenant, String sloClass) {
        this(id, arrivalNanos, promptTokens, outputTokens, hashIds, hashBlockTokens, sessionId, tenant, sloClass, null);
    }

    /** A request without prefix hashes, session, tenant or SLO class. */
    public static Request of(long id, long arrivalNanos, int promptTokens, int outputTokens) {
        return new Request(id, arrivalNanos, promptTokens, outputTokens, NO_HASHES, 0, null, null, null);
    }

    /** A copy of the chained prefix-block hashes (see {@link #hashId(int)} for reading without a copy). */
    @Override
    public long[] hashIds() {
        return hashIds.length == 0 ? NO_HASHES : hashIds.clone();
    }

    /** The {@code i}-th chained prefix-block hash. */
    public long hashId(int i) {
        return hashIds[i];
    }

    /** How many prefix-block hashes the prompt has (0 when unknown). */
    public int hashCount() {
        return hashIds.length;
    }

    public boolean hasPrefixHashes() {
        return hashIds.length > 0;
    }

    /** The same request with another id and arrival time (for replays and rate scaling). */
    public Request withIdAndArrival(long newId, long newArrivalNanos) {
        return new Request(newId, newArrivalNanos, promptTokens, outputTokens, hashIds, hashBlockTokens,
                sessionId, tenant, sloClass, adapter);
    }

    /** The same request running with LoRA adapter {@code a} (null: the base model). */
    public Request withAdapter(AdapterId a) {
        return new Request(id, arrivalNanos, promptTokens, outputTokens, hashIds, hashBlockTokens, sessionId, tenant,
                sloClass, a);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Request r && id == r.id && arrivalNanos == r.arrivalNanos
                && promptTokens == r.promptTokens && outputTokens == r.outputTokens
                && hashBlockTokens == r.hashBlockTokens && Arrays.equals(hashIds, r.hashIds)
                && java.util.Objects.equals(sessionId, r.sessionId) && java.util.Objects.equals(tenant, r.tenant)
                && java.util.Objects.equals(sloClass, r.sloClass) && java.util.Objects.equals(adapter, r.adapter);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Arrays.hashCode(hashIds);
    }

    @Override
    public String toString() {
        return "Request[id=" + id + ", arrivalNanos=" + arrivalNanos + ", prompt=" + promptTokens
                + ", output=" + outputTokens + ", hashBlocks=" + hashIds.length + "]";
    }
}
