package io.kubz.cli.cluster;

import java.io.Serializable;

/**
 * One unit of work sent to a worker: the {@link WorkHandler} kind that runs it, the digest of the
 * shared context it needs (model, plan, keys: published once to the cluster cache, prepared once
 * per worker), the job's own bytes, and its size (log2 rows and peak memory) for assignment.
 *
 * @param id the job's index in the run (slice id)
 * @param kind the {@link WorkHandler#kind()} that runs it
 * @param contextDigest key of the context in the cluster cache
 * @param payload the job's bytes
 * @param rowsLog2 log2 of the circuit's rows (0 if unknown)
 * @param peakBytes estimated peak heap of running it (0 if unknown)
 */
public record ClusterJob(int id, String kind, String contextDigest, byte[] payload, int rowsLog2, long peakBytes)
    implements Serializable {}
